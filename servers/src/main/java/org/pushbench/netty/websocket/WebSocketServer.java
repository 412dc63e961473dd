package org.pushbench.netty.websocket;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

import org.pushbench.netty.ConnectionGate;
import org.pushbench.netty.NettyChatServer;
import org.pushbench.netty.NettyEngine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/** WebSocket on Netty: one upgraded connection per member; the server pushes each message as a text frame. */
public final class WebSocketServer extends NettyChatServer {

    public WebSocketServer(NettyEngine.EventLoops loops, int port, MessageStore store, ServerConfig config) {
        super(Transport.WEBSOCKET, loops, port, store, config);
    }

    @Override
    protected ChannelInitializer<SocketChannel> initializer(ConnectionGate gate) {
        return new WebSocketInitializer(store, config, metrics, gate);
    }
}
