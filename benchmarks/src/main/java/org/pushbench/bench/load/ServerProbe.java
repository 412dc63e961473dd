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

    /** The server's figures for {@code transport} now; with {@code gcFirst}, after a full GC if it can ask one. */
    ServerSnapshot metrics(Transport transport, boolean gcFirst) throws IOException, InterruptedException;

    /** A server elsewhere without an admin port: nothing to read. */
    static ServerProbe none() {
        return new ServerProbe() {
            @Override
            public void reset() {
            }

            @Override
            public ServerSnapshot metrics(Transport transport, boolean gcFirst) {
                return ServerSnapshot.absent();
            }
        };
    }
}
