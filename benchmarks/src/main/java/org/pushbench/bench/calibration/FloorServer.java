package org.pushbench.bench.calibration;

/**
 * A bare broadcast server: every WebSocket connection is a member, and each text frame any member sends is
 * written, unchanged, to every member (the sender too, as pushbench's servers deliver to the publisher). No store,
 * no ids, no metrics, no protocol: what an engine costs before pushbench adds anything.
 */
interface FloorServer extends AutoCloseable {

    /** The port it listens on, on loopback. */
    int port();

    @Override
    void close() throws Exception;
}
