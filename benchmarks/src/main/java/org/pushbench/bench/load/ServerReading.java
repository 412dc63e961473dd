package org.pushbench.bench.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.pushbench.server.Transport;

/** The server's figures at one moment for every transport, from one reading (one {@code GET /metrics}). */
public record ServerReading(Map<Transport, ServerSnapshot> transports) {

    public ServerReading {
        transports = Map.copyOf(transports);
    }

    /** The process's figures and those of {@code transport}; all absent for a transport the reading lacks. */
    public ServerSnapshot of(Transport transport) {
        return transports.getOrDefault(transport, ServerSnapshot.absent());
    }

    /** A reading whose every transport's snapshot {@code snapshot} makes. */
    static ServerReading each(Function<Transport, ServerSnapshot> snapshot) {
        Map<Transport, ServerSnapshot> all = new EnumMap<>(Transport.class);
        for (Transport t : Transport.values()) {
            all.put(t, snapshot.apply(t));
        }
        return new ServerReading(all);
    }
}
