package org.pushbench.bench.client;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import org.pushbench.bench.meter.ByteCount;
import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.WireCategory;
import org.pushbench.server.Transport;

/**
 * A Server-Sent Events client as a browser's EventSource behaves: one {@code GET /rooms/{room}/events?after=N}
 * whose response never ends, parsed by {@link EventStreamParser}; when the stream ends it reconnects after the
 * server's {@code retry} time to the same URL with {@code Last-Event-ID}, so it resumes with no loss and no
 * duplicate, and counts the reconnection. A status other than 200 fails it, as it fails an EventSource.
 *
 * <p>Bytes: the request and the response head are headers (once per stream), and so is the stream's opening
 * {@code retry:} block; each message's JSON is payload; everything else of an event (field names, its id, line
 * ends) and the chunk framing are framing; comment lines are keep-alive.
 */
public final class EventSourceClient implements SimulatedClient {

    /** What an EventSource waits before reconnecting until the server says otherwise (the spec leaves it open). */
    private static final long DEFAULT_RETRY_MILLIS = 3000;

    private final ClientLoop loop;
    private final ClientTarget target;
    private final RecipientMeters meters;
    private final DeliveryCheck.Recipient recipient;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile Channel channel;
    private String url;
    private String lastEventId = "";
    private long retryMillis = DEFAULT_RETRY_MILLIS;

    public EventSourceClient(ClientLoop loop, ClientTarget target, RecipientMeters meters) {
        this.loop = loop;
        this.target = target;
        this.meters = meters;
        this.recipient = meters.check().newRecipient();
    }

    @Override
    public Transport transport() {
        return Transport.SSE;
    }

    @Override
    public DeliveryCheck.Recipient recipient() {
        return recipient;
    }

    /** Opens the stream from the recipient's cursor as it is at start. */
    @Override
    public CompletableFuture<Void> start() {
        url = "/rooms/" + target.room() + "/events?after=" + recipient.last();
        connect();
        return started;
    }

    private void connect() {
        ConnectionCounters counters = new ConnectionCounters(target, meters);
        Stream stream = new Stream(counters);
        loop.connect(target.address(), new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                counters.addTo(ch.pipeline(), target).addLast(stream.head, new HttpClientCodec(), stream);
            }
        }).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess() && closing) {
                f.channel().close();
            } else if (f.isSuccess()) {
                channel = f.channel();
                channel.writeAndFlush(request());
            } else if (started.isDone()) {
                reconnectLater(f.channel());
            } else {
                started.completeExceptionally(f.cause());
            }
        });
    }

    private FullHttpRequest request() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, url,
                Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, target.authority()).add(target.headers().headers(target.origin()));
        if (!lastEventId.isEmpty()) {
            request.headers().set("Last-Event-ID", lastEventId);
        }
        return request;
    }

    private void reconnectLater(Channel lost) {
        if (!closing) {
            meters.reconnected();
            lost.eventLoop().schedule(this::connect, retryMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes the connection, as a browser tab that closes its EventSource. */
    @Override
    public void close() {
        closing = true;
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void vanish() {
        closing = true;
        Connections.reset(channel);
    }

    /** One connection's response: its head, then the event stream. */
    private final class Stream extends SimpleChannelInboundHandler<HttpObject> implements EventStreamParser.Listener {

        private final ByteCount counter;
        final ResponseHeadBytes head = new ResponseHeadBytes(this::attributeChunkFraming);
        private final EventStreamParser parser = new EventStreamParser(this, lastEventId);
        private long dataBytes;
        private long chunkFraming;
        private boolean ok;

        Stream(ConnectionCounters counters) {
            this.counter = counters.application();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject part) {
            if (part instanceof HttpResponse response) {
                meters.wire().attribute(WireCategory.HEADERS, counter.written() + head.headBytes());
                ok = response.status().equals(HttpResponseStatus.OK);
                if (!ok) {
                    meters.error("sse answered " + response.status());
                    started.completeExceptionally(new IllegalStateException("sse answered " + response.status()));
                    closing = true;
                    ctx.close();
                    return;
                }
                started.complete(null);
            }
            if (part instanceof HttpContent content && ok) {
                dataBytes += content.content().readableBytes();
                parser.feed(content.content());
            }
            if (part instanceof LastHttpContent && ok) {
                // The server ended the stream: an EventSource reconnects.
                ctx.close();
            }
        }

        /** The body's raw bytes that were not data: chunk size lines and their CRLFs. */
        private void attributeChunkFraming() {
            long framing = head.bodyBytes() - dataBytes;
            meters.wire().attribute(WireCategory.FRAMING, framing - chunkFraming);
            chunkFraming = framing;
        }

        @Override
        public void event(String type, byte[] data, String id, long framingBytes) {
            lastEventId = id;
            meters.wire().attribute(WireCategory.FRAMING, framingBytes);
            if (!type.equals("message")) {
                meters.wire().attribute(WireCategory.FRAMING, data.length);
                meters.error("sse " + type + " event: " + new String(data, StandardCharsets.UTF_8));
                return;
            }
            meters.wire().attribute(WireCategory.PAYLOAD, data.length);
            DeliveredJson.parseObject(data, (msgId, stamp, jsonBytes) ->
                    meters.delivered(recipient, msgId, stamp, System.nanoTime()));
        }

        @Override
        public void comment(long bytes) {
            meters.wire().attribute(WireCategory.KEEPALIVE, bytes);
        }

        @Override
        public void retry(long millis) {
            retryMillis = millis;
        }

        @Override
        public void emptyBlock(long bytes) {
            meters.wire().attribute(WireCategory.HEADERS, bytes);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            reconnectLater(ctx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            meters.error("sse client: " + cause);
            started.completeExceptionally(cause);
            ctx.close();
        }
    }
}
