package org.pushbench.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pushbench.protocol.ChatJson;

/**
 * A finished soak: what was offered, what each transport delivered, the server's heap and threads at the start
 * (after the warm-up) and at the end, what it still held once every client had closed, and the verdict.
 */
public record SoakReport(SoakOptions options, String engine, List<TransportResult> transports, long faults,
        ServerState start, ServerState end, ServerState afterClose, long releaseMillis, List<String> violations) {

    public boolean passed() {
        return violations.isEmpty();
    }

    /** The report a person reads. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("pushbench soak on %s: %ds after a %ds warm-up; %d members per transport, %d msg/s "
                        + "into each transport's room, %d members per transport vanished and replaced every %ds%n%n",
                engine, options.duration().toSeconds(), options.warmup().toSeconds(), options.clients(),
                options.rate(), options.churnPerRound(), options.churnEvery().toSeconds()));
        s.append(String.format("%-14s %8s %8s %11s %5s %5s %9s %7s %9s%n", "transport", "members", "sent",
                "delivered", "lost", "dup", "reorder", "errors", "vanished"));
        for (TransportResult r : transports) {
            s.append(String.format("%-14s %8d %8d %11d %5d %5d %9d %7d %9d%n", r.transport().id(), r.members(),
                    r.sent(), r.delivered(), r.lost(), r.duplicated(), r.reordered(), r.errors(), r.replaced()));
        }
        s.append(String.format("%nfaults injected besides the vanished members: %d (held long polls reset, SSE streams "
                + "reset, WebSockets dropped without a close frame, WebSockets that never answer a ping, requests whose "
                + "headers never finish)%n", faults));
        s.append(String.format("%nserver                    start        end   allowed%n"));
        s.append(String.format("heap after GC      %11s %10s   start + %s%n", mib(start.heapUsedBytes()),
                mib(end.heapUsedBytes()), mib(SoakBounds.HEAP_GROWTH_BYTES)));
        s.append(String.format("live threads       %11d %10d   start + %d%n", start.liveThreads(), end.liveThreads(),
                SoakBounds.THREAD_GROWTH));
        s.append(String.format("%nafter every client closed (%d ms): open connections %s; held requests %s; "
                        + "store subscribers %d%n", releaseMillis, perTransport(afterClose, true),
                perTransport(afterClose, false), afterClose.storeSubscribers()));
        s.append(passed() ? "\nPASSED\n" : "\nFAILED:\n  " + String.join("\n  ", violations) + "\n");
        return s.toString();
    }

    private static String perTransport(ServerState state, boolean connections) {
        return state.transports().entrySet().stream()
                .map(e -> e.getKey().id() + " " + (connections ? e.getValue().openConnections()
                        : e.getValue().heldRequests()))
                .collect(Collectors.joining(", "));
    }

    /** Writes soak.txt and soak.json into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("soak.txt"), text(), StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("engine", engine);
        json.put("durationSeconds", options.duration().toSeconds());
        json.put("warmupSeconds", options.warmup().toSeconds());
        json.put("membersPerTransport", options.clients());
        json.put("messagesPerSecondPerRoom", options.rate());
        json.put("churnPerRound", options.churnPerRound());
        json.put("churnEverySeconds", options.churnEvery().toSeconds());
        json.put("transports", transports);
        json.put("faultsInjected", faults);
        json.put("start", start);
        json.put("end", end);
        json.put("afterClose", afterClose);
        json.put("releaseMillis", releaseMillis);
        json.put("heapGrowthAllowedBytes", SoakBounds.HEAP_GROWTH_BYTES);
        json.put("threadGrowthAllowed", SoakBounds.THREAD_GROWTH);
        json.put("violations", violations);
        json.put("passed", passed());
        ChatJson.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("soak.json").toFile(), json);
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (double) (1 << 20));
    }
}
