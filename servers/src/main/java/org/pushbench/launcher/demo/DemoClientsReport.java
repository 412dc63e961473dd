package org.pushbench.launcher.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.pushbench.server.ChatServer;
import org.pushbench.server.DemoClientMetrics;

/** The {@code demoClients} part of {@code /metrics}: every tagged demo client of every server, by id. */
public final class DemoClientsReport {

    private DemoClientsReport() {
    }

    /**
     * One client's counters as the server counted them, headers included.
     *
     * @param transport the server it talked to
     */
    public record Entry(String transport, long bytesIn, long bytesOut, long requests, long emptyResponses,
                        long openConnections) {
    }

    /**
     * The tagged clients of these servers, keyed by id; an id seen by two servers (the page never does that)
     * appears a second time as {@code id@transport}.
     */
    public static Map<String, Entry> of(Iterable<? extends ChatServer> servers) {
        Map<String, Entry> report = new LinkedHashMap<>();
        for (ChatServer server : servers) {
            String transport = server.transport().id();
            for (Map.Entry<String, DemoClientMetrics.Snapshot> e : server.metrics().demoClients().snapshot()
                    .entrySet()) {
                DemoClientMetrics.Snapshot s = e.getValue();
                String key = report.containsKey(e.getKey()) ? e.getKey() + "@" + transport : e.getKey();
                report.put(key, new Entry(transport, s.bytesIn(), s.bytesOut(), s.requests(), s.emptyResponses(),
                        s.openConnections()));
            }
        }
        return report;
    }
}
