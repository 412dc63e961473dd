package org.pushbench.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.http.MessagesResource;
import org.pushbench.transport.sse.EventsRoute;

/**
 * The Server-Sent Events server's pipeline: the shared HTTP front (HTTP/1.1 or, per stream, HTTP/2), the event streams, and behind them the core's
 * messages resource for posting ({@link HttpChatHandler}), as on the polling servers.
 */
final class EventStreamInitializer extends ChannelInitializer<SocketChannel> {

    private final EventsRoute route;
    private final MessagesResource resource;
    private final MessageStore store;
    private final ServerConfig config;
    private final TransportMetrics metrics;
    private final ConnectionGate gate;

    EventStreamInitializer(EventsRoute route, MessagesResource resource, MessageStore store, ServerConfig config,
            TransportMetrics metrics, ConnectionGate gate) {
        this.route = route;
        this.resource = resource;
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.gate = gate;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        HttpFront.connection(channel.pipeline(), metrics, gate, config).addLast("protocol", new Http2Front(config,
                pipeline -> pipeline.addLast("events", new EventStreamHandler(route, store, metrics, config))
                        .addLast("messages", new HttpChatHandler(resource))));
    }
}
