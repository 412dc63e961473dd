package org.pushbench.bench.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.pushbench.server.Transport;

/**
 * Where a running server is, as {@code -p server=} gives it: {@code host:adminPort} for a server with an admin port
 * (docs/PROTOCOL.md), or, for one without, {@code host/transport=port[/transport=port...][/pid=N]}: its transport
 * ports directly, and the process id when it runs on this machine, so its CPU, memory, threads and sockets can be
 * read from {@code /proc}. Slashes, not commas: JMH splits a parameter's values on commas.
 *
 * @param adminPort the admin port, or -1 when the ports are given directly
 * @param ports     the transport ports given directly (empty with an admin port)
 * @param pid       the server's process on this machine, or -1 when not given
 */
public record ServerAddress(String host, int adminPort, Map<Transport, Integer> ports, long pid) {

    public static ServerAddress parse(String spec) {
        String[] parts = spec.split("/");
        if (parts.length == 1) {
            int colon = spec.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("server=" + spec + ": expected host:adminPort or "
                        + "host/transport=port[/pid=N]");
            }
            return new ServerAddress(spec.substring(0, colon), (int) number(spec, spec.substring(colon + 1)), Map.of(),
                    -1);
        }
        Map<Transport, Integer> ports = new EnumMap<>(Transport.class);
        long pid = -1;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("server=" + spec + ": \"" + parts[i] + "\" is not name=value");
            }
            if (kv[0].equals("pid")) {
                pid = number(spec, kv[1]);
            } else {
                ports.put(Transport.parse(kv[0]), (int) number(spec, kv[1]));
            }
        }
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("server=" + spec + ": no transport port given");
        }
        return new ServerAddress(parts[0], -1, Collections.unmodifiableMap(ports), pid);
    }

    public boolean hasAdminPort() {
        return adminPort > 0;
    }

    private static long number(String spec, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server=" + spec + ": \"" + value + "\" is not a number");
        }
    }
}
