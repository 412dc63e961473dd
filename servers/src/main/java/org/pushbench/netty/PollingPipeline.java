package org.pushbench.netty;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;

/**
 * The HTTP/1.1 front of a pipeline, the same for every Netty server: count bytes, admit, decode with bounded
 * request line and headers, enforce the request deadline, aggregate bodies up to the message limit.
 */
public final class PollingPipeline {

    public static final int MAX_INITIAL_LINE_BYTES = 4096;
    public static final int MAX_HEADER_BYTES = 8192;

    private PollingPipeline() {
    }

    /** Adds the shared front handlers; the transport's handler goes after them. */
    public static ChannelPipeline front(ChannelPipeline pipeline, TransportMetrics metrics, ConnectionGate gate,
            ServerConfig config) {
        return pipeline
                .addLast("bytes", new SocketByteCounter(metrics))
                .addLast("gate", gate)
                .addLast("http", new HttpServerCodec(MAX_INITIAL_LINE_BYTES, MAX_HEADER_BYTES, 8192))
                .addLast("deadline", new RequestDeadline(config.idleTimeout().toNanos()))
                .addLast("aggregator", new ChatRequestAggregator(config.maxMessageBytes()));
    }
}
