package org.pushbench.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import org.pushbench.server.ChatServer;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;

/**
 * The Netty chat WebSocket server, its pipeline, codecs, limits and close handling, with an echo in place of the
 * room stream: every text or binary message comes back as it came, as Autobahn|Testsuite expects.
 */
public final class NettyEchoServer {

    private NettyEchoServer() {
    }

    /** The echo server on the engine's event loops, not started. */
    public static ChatServer of(NettyEngine engine, ServerConfig config) {
        return engine.webSocket(0, config, new TransportMetrics(), Echo::new);
    }

    private static final class Echo extends WebSocketMemberHandler {

        @Override
        void opened(ChannelHandlerContext ctx) {
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame message) {
            ctx.writeAndFlush(message.retain());
        }
    }
}
