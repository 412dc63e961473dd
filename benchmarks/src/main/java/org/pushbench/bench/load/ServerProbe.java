package org.pushbench.bench.load;

import java.io.IOException;

import org.pushbench.server.Transport;

/**
 * Where a run reads the server's own figures: its admin port ({@link AdminClient}), the OS for a local process
 * without one ({@link ProcessProbe}), or nowhere ({@link #none()}). A figure a probe cannot read is
 * {@link ServerSnapshot#ABSENT}, and the run reports it as absent, never as 0.
 */
public interface ServerProbe {

    /** Zeroes the server's counters and sets its peaks to the current values, where it keeps any. */
    void reset() throws IOException, InterruptedException;

    /**
     * The server's figures for every transport now, read at once (one request to an admin port); with
     * {@code gcFirst}, after a full GC if it can ask one.
     */
    ServerReading read(boolean gcFirst) throws IOException, InterruptedException;

    /** The server's figures for {@code transport} now: {@link #read}'s, for a caller that needs one transport. */
    default ServerSnapshot metrics(Transport transport, boolean gcFirst) throws IOException, InterruptedException {
        return read(gcFirst).of(transport);
    }

    /** A server elsewhere without an admin port: nothing to read. */
    static ServerProbe none() {
        return new ServerProbe() {
            @Override
            public void reset() {
            }

            @Override
            public ServerReading read(boolean gcFirst) {
                return ServerReading.each(t -> ServerSnapshot.absent());
            }
        };
    }
}
