package org.pushbench.launcher.demo;

import java.util.Map;

/**
 * The background crowd at one moment, as {@code GET /demo/crowd} serves it.
 *
 * @param clientsPerTransport the crowd size asked for (0: no crowd)
 * @param connected           members connected now, by transport id
 */
public record CrowdStatus(int clientsPerTransport, Map<String, Integer> connected) {
}
