package org.pushbench.netty;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.sse.EventStream;
import org.pushbench.transport.sse.EventWriter;
import org.pushbench.transport.sse.EventsRoute;

/**
 * The Server-Sent Events adapter of one connection: a request the core's {@link EventsRoute} accepts becomes a
 * chunked {@code text/event-stream} response that never ends, written by the core's {@link EventStream} on the
 * connection's event loop with this handler as its {@link EventWriter} (one chunk per event, writable below the
 * channel's write-buffer high mark). Every other request goes on to the messages resource behind it. Once a
 * connection streams it has no request deadline, and a client that sends anything more on it is disconnected:
 * the stream is one-way.
 */
final class EventStreamHandler extends SimpleChannelInboundHandler<FullHttpRequest> implements EventWriter {

    private final EventsRoute route;
    private final MessageStore store;
    private final TransportMetrics metrics;
    private final ServerConfig config;
    private ChannelHandlerContext ctx;
    private EventStream stream;

    EventStreamHandler(EventsRoute route, MessageStore store, TransportMetrics metrics, ServerConfig config) {
        super(false);
        this.route = route;
        this.store = store;
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (stream != null) {
            request.release();
            ctx.close();
            return;
        }
        EventsRoute.Opening opening;
        try {
            opening = request.decoderResult().isSuccess()
                    ? route.check(request.method().name(), request.uri(), request.headers()::get) : null;
        } catch (ChatError e) {
            JsonReplies.error(ctx, request, e);
            request.release();
            return;
        }
        if (opening == null) {
            ctx.fireChannelRead(request);
            return;
        }
        boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        request.release();
        this.ctx = ctx;
        ctx.pipeline().remove("deadline");
        ctx.write(head(opening.headers(), http10));
        stream = new EventStream(store, metrics, opening, ctx.executor(), LoopTimer.on(ctx.executor()), config,
                this);
        stream.open();
    }

    /** Chunked on HTTP/1.1; an HTTP/1.0 client gets the body delimited by the connection's end. */
    private static HttpResponse head(Map<String, String> extra, boolean http10) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_EVENT_STREAM)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        extra.forEach(head.headers()::set);
        HttpUtil.setTransferEncodingChunked(head, !http10);
        return head;
    }

    @Override
    public void write(byte[] event) {
        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(event)));
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
    public void end() {
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        ctx.executor().schedule(() -> ctx.close(), EventStream.CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (stream != null && ctx.channel().isWritable()) {
            stream.resume();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (stream != null) {
            stream.connectionClosed();
        }
        super.channelInactive(ctx);
    }
}
