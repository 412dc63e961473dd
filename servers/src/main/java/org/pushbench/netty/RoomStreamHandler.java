package org.pushbench.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.SentMessage;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.store.RoomCursor;
import org.pushbench.store.StoreFullException;
import org.pushbench.store.Subscription;
import org.pushbench.transport.http.RequestTarget;

/**
 * One member of a room: pushes every message of the room as one text frame, in id order, and appends the
 * messages the client sends.
 *
 * <p>Flow control: the server writes only while the connection is writable (below its write-buffer high mark).
 * Messages it could not write yet stay in the store, and the {@link RoomCursor} catches up when the client
 * drains; a client so slow that it falls a whole retention behind is closed with 1013 rather than given a gap.
 * So one slow reader costs at most its write buffer, never an unbounded queue.
 */
final class RoomStreamHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final int CATCH_UP_BATCH = 16;

    private final MessageStore store;
    private final TransportMetrics metrics;
    private ChannelHandlerContext ctx;
    private RequestTarget route;
    private RoomCursor cursor;
    private Subscription subscription;

    RoomStreamHandler(MessageStore store, TransportMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (!(event instanceof HandshakeComplete)) {
            super.userEventTriggered(ctx, event);
            return;
        }
        this.ctx = ctx;
        ctx.pipeline().remove("deadline");
        ((KeepAliveHandler) ctx.pipeline().get("keepalive")).start(ctx.pipeline().context("keepalive"));
        route = ctx.channel().attr(UpgradeRequestHandler.TARGET).get();
        try {
            subscription = store.subscribe(route.room(), message -> ctx.executor().execute(() -> onAppend(message)));
        } catch (StoreFullException e) {
            close(1013, "the server holds its maximum of rooms");
            return;
        }
        cursor = new RoomCursor(store, route.room(), route.afterGiven() ? route.after() : store.lastId(route.room()));
        deliverWhileWritable();
    }

    private void onAppend(Message message) {
        if (subscription == null || !ctx.channel().isActive()) {
            return;
        }
        if (!ctx.channel().isWritable()) {
            if (message.id() - cursor.position() > store.retention()) {
                close(1013, "slow consumer: fell a whole retention behind");
            }
            return;
        }
        if (message.id() == cursor.position() + 1) {
            send(cursor.position(), cursor.next(message));
            ctx.flush();
        } else {
            deliverWhileWritable();
        }
    }

    private void deliverWhileWritable() {
        while (ctx.channel().isWritable()) {
            long after = cursor.position();
            ReadResult batch = cursor.catchUp(CATCH_UP_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            send(after, batch);
        }
        ctx.flush();
    }

    /** Writes a batch read after cursor position {@code after}, preceded by a gap frame if part is gone. */
    private void send(long after, ReadResult result) {
        if (result.gap()) {
            ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(ChatJson.gap(after, result.oldestRetained()))));
        }
        for (Message m : result.messages()) {
            ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(m.json())));
        }
        metrics.messagesDelivered(result.messages().size());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (cursor != null && ctx.channel().isWritable()) {
            deliverWhileWritable();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof BinaryWebSocketFrame) {
            close(1003, "this chat speaks text frames only");
            return;
        }
        if (!(frame instanceof TextWebSocketFrame)) {
            return;
        }
        try {
            SentMessage sent = ChatJson.parseSent(ByteBufUtil.getBytes(frame.content()));
            store.append(route.room(), sent.from(), sent.text(), sent.stamp());
            metrics.messageAppended();
        } catch (ChatError e) {
            ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(e.toJson())));
        } catch (StoreFullException e) {
            ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(
                    ChatError.unavailable(e.getMessage()).toJson())));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        this.ctx = ctx;
        if (cause instanceof TooLongFrameException) {
            close(1009, "the message is larger than the limit");
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        super.channelInactive(ctx);
    }

    private void close(int code, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }
}
