package org.pushbench.bench.client;

import io.netty.channel.ChannelPipeline;

import org.pushbench.bench.meter.ByteCount;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.SocketByteCounter;
import org.pushbench.bench.meter.TlsByteCounter;
import org.pushbench.bench.meter.WireMeter;

/**
 * One client connection's byte counters, the bottom of its pipeline: the socket's (the wire, the run's totals)
 * and, over TLS, the one above the TLS handler (what the client's codec reads and writes, and the TLS share);
 * then the member's liveness rule, if it has one ({@link SilenceWatch}).
 */
final class ConnectionCounters {

    private final SocketByteCounter socket;
    private final TlsByteCounter aboveTls;
    private final RecipientMeters meters;

    ConnectionCounters(ClientTarget target, RecipientMeters meters) {
        WireMeter meter = meters.wire();
        this.socket = new SocketByteCounter(meter);
        this.aboveTls = target.tls().enabled() ? new TlsByteCounter(socket, meter) : null;
        this.meters = meters;
    }

    /** The bytes the client's codec read and wrote: the socket's without TLS. */
    ByteCount application() {
        return aboveTls != null ? aboveTls : socket;
    }

    /** Adds the counters, TLS between them when the target has it, and the liveness rule, first in {@code pipeline}. */
    ChannelPipeline addTo(ChannelPipeline pipeline, ClientTarget target) {
        pipeline.addLast(socket);
        if (aboveTls != null) {
            pipeline.addLast(target.tls().handler(pipeline.channel().alloc(), target), aboveTls);
        }
        SilenceWatch.addTo(pipeline, meters);
        return pipeline;
    }
}
