package org.pushbench.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;

import org.pushbench.netty.demo.DemoRequestTagHandler;
import org.pushbench.netty.demo.DemoTrafficHandler;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;

/**
 * The HTTP front of a pipeline, the same for every Netty server: count bytes, admit, decode with bounded
 * request line and headers, enforce the request deadline, aggregate bodies up to the message limit; and, only on a
 * classroom demo's servers, count bytes per demo client and note each request's client. The connection's part
 * and the requests' part are apart, so an HTTP/2 connection puts the latter on each of its streams.
 */
public final class HttpFront {

    public static final String BYTES = "bytes";
    /** The name of the handler that admits connections; TLS goes right before it, behind the byte counters. */
    public static final String GATE = "gate";
    public static final int MAX_INITIAL_LINE_BYTES = 4096;
    public static final int MAX_HEADER_BYTES = 8192;

    private static final DemoRequestTagHandler DEMO_CLIENT = new DemoRequestTagHandler();

    private HttpFront() {
    }

    /** Adds the shared HTTP/1.1 front handlers; the transport's handler goes after them. */
    public static ChannelPipeline front(ChannelPipeline pipeline, TransportMetrics metrics, ConnectionGate gate,
            ServerConfig config) {
        return requests(connection(pipeline, metrics, gate, config), config, http1Codec());
    }

    /** HTTP/1.1's codec with the bounded request line and headers every server uses. */
    static HttpServerCodec http1Codec() {
        return new HttpServerCodec(MAX_INITIAL_LINE_BYTES, MAX_HEADER_BYTES, 8192);
    }

    /** The connection's handlers: byte counters and the gate. */
    static ChannelPipeline connection(ChannelPipeline pipeline, TransportMetrics metrics, ConnectionGate gate,
            ServerConfig config) {
        pipeline.addLast(BYTES, new SocketByteCounter(metrics)).addLast(GATE, gate);
        if (config.classroomDemo()) {
            // Only the classroom demo's servers count per client; a benchmark's pipeline has none of it.
            pipeline.addAfter(BYTES, "demo-bytes", new DemoTrafficHandler(metrics.demoClients()));
        }
        return pipeline;
    }

    /** The requests' handlers behind {@code codec}, which turns the wire into HTTP/1.1 messages. */
    static ChannelPipeline requests(ChannelPipeline pipeline, ServerConfig config, ChannelHandler codec) {
        pipeline.addLast("http", codec)
                .addLast("deadline", new RequestDeadline(config.idleTimeout()))
                .addLast("aggregator", new ChatRequestAggregator(config.maxMessageBytes()));
        if (config.classroomDemo()) {
            pipeline.addAfter("http", "demo-client", DEMO_CLIENT);
        }
        return pipeline;
    }
}
