package org.pushbench.bench.link;

import static org.pushbench.bench.load.FigureNames.*;

import java.util.List;

import org.pushbench.bench.load.Figure;

/**
 * What the link emulator itself cost during one measurement window: its threads' CPU and the bytes it carried,
 * so a run on 2 cores shows how much of the machine the emulation took from the clients and the server.
 */
public final class RelayWindow {

    private final LinkRelay relay;
    private final long startNanos = System.nanoTime();
    private final long cpuAtStart;
    private final long bytesAtStart;

    private RelayWindow(LinkRelay relay) {
        this.relay = relay;
        this.cpuAtStart = relay.cpuNanos();
        this.bytesAtStart = bytes(relay);
    }

    public static RelayWindow open(LinkRelay relay) {
        return new RelayWindow(relay);
    }

    private static long bytes(LinkRelay relay) {
        return relay.bytesDown() + relay.bytesUp();
    }

    /** {@code link.cpu} (cores), {@code link.bytes} and {@code link.cpuPerByte} (ns/B) since the window opened. */
    public List<Figure> close() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long cpu = relay.cpuNanos() - cpuAtStart;
        long bytes = bytes(relay) - bytesAtStart;
        Figure cores = new Figure(LINK_CPU, cpu / seconds / 1e9, "cores");
        Figure carried = new Figure(LINK_BYTES, bytes, "B");
        return bytes == 0 ? List.of(cores, carried)
                : List.of(cores, carried, new Figure(LINK_CPU_PER_BYTE, (double) cpu / bytes, "ns/B"));
    }
}
