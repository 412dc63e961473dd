package org.pushbench.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.http.RequestTarget;
import org.pushbench.transport.stream.EventSink;
import org.pushbench.transport.stream.RoomStream;
import org.pushbench.transport.stream.StreamClose;
import org.pushbench.transport.websocket.InboundMessages;

/**
 * The WebSocket adapter of one member: once the handshake is done, runs the core's {@link RoomStream} on the
 * connection's event loop with this handler as its {@link EventSink} (one text frame per event, writable below the
 * channel's write-buffer high mark), and hands the client's text messages to the core's {@link InboundMessages}.
 */
final class RoomStreamHandler extends WebSocketMemberHandler implements EventSink {

    private final MessageStore store;
    private final TransportMetrics metrics;
    private ChannelHandlerContext ctx;
    private RoomStream stream;
    private InboundMessages inbound;

    RoomStreamHandler(MessageStore store, TransportMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    void opened(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        RequestTarget target = ctx.channel().attr(UpgradeRequestHandler.TARGET).get();
        inbound = new InboundMessages(store, metrics, target.room());
        stream = new RoomStream(store, metrics, target, ctx.executor(), this);
        stream.open(target.afterGiven() ? target.after() : -1);
    }

    @Override
    public void message(long id, byte[] json) {
        ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
    }

    @Override
    public void gap(byte[] json) {
        ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public boolean writable() {
        return ctx.channel().isWritable();
    }

    @Override
    public void close(StreamClose why) {
        close(ctx, why);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (stream != null && ctx.channel().isWritable()) {
            stream.resume();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof BinaryWebSocketFrame) {
            close(StreamClose.BINARY);
        } else if (frame instanceof TextWebSocketFrame) {
            byte[] error = inbound.append(ByteBufUtil.getBytes(frame.content()));
            if (error != null) {
                ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(error)));
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (stream != null) {
            stream.close();
        }
        super.channelInactive(ctx);
    }
}
