package org.pushbench.netty;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;

import org.pushbench.netty.demo.CrossOriginHandler;
import org.pushbench.netty.demo.DemoRequestTagHandler;
import org.pushbench.netty.demo.DemoTrafficHandler;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;

/**
 * The HTTP/1.1 front of a pipeline, the same for every Netty server: count bytes (in all and per classroom-demo
 * client), admit, decode with bounded request line and headers, note each request's demo client, enforce the
 * request deadline, aggregate bodies up to the message limit.
 */
public final class HttpFront {

    public static final int MAX_INITIAL_LINE_BYTES = 4096;
    public static final int MAX_HEADER_BYTES = 8192;

    private static final DemoRequestTagHandler DEMO_CLIENT = new DemoRequestTagHandler();

    private HttpFront() {
    }

    /** Adds the shared front handlers; the transport's handler goes after them. */
    public static ChannelPipeline front(ChannelPipeline pipeline, TransportMetrics metrics, ConnectionGate gate,
            ServerConfig config) {
        return pipeline
                .addLast("bytes", new SocketByteCounter(metrics))
                .addLast("demo-bytes", new DemoTrafficHandler(metrics.demoClients()))
                .addLast("gate", gate)
                .addLast("http", new HttpServerCodec(MAX_INITIAL_LINE_BYTES, MAX_HEADER_BYTES, 8192))
                .addLast("demo-client", DEMO_CLIENT)
                .addLast("deadline", new RequestDeadline(config.idleTimeout().toNanos()))
                .addLast("aggregator", new ChatRequestAggregator(config.maxMessageBytes()));
    }

    /**
     * The front of a polling server: {@link #front}, plus the CORS answer that lets the classroom demo's page
     * (another origin: the admin port) read the responses. The WebSocket server has its own Origin check instead.
     */
    public static ChannelPipeline pollingFront(ChannelPipeline pipeline, TransportMetrics metrics,
            ConnectionGate gate, ServerConfig config) {
        return front(pipeline, metrics, gate, config).addAfter("http", "cors", new CrossOriginHandler(config));
    }
}
