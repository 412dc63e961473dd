package org.pushbench.bench.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.ByteCount;
import org.pushbench.bench.meter.WireCategory;
import org.pushbench.bench.meter.WireMeter;

/**
 * What the two polling clients share: one keep-alive HTTP/1.1 connection, a {@code GET} for the messages after
 * the client's cursor, and the accounting of each exchange. An exchange's bytes are read off the connection's
 * application byte count ({@link ConnectionCounters}: above TLS when on) between sending the request and completing the answer (no pipelining, so nothing
 * else crosses the socket meanwhile); the body's delivered objects are payload, the rest of the body framing,
 * everything else headers, and an exchange that brought nothing counts whole as an empty poll.
 */
abstract class PollingClient implements SimulatedClient {

    private static final int MAX_BODY = 16 << 20;
    private static final long RECONNECT_DELAY_MILLIS = 100;

    private final ClientLoop loop;
    private final ClientTarget target;
    private final RecipientMeters meters;
    private final DeliveryCheck.Recipient recipient;
    private final HttpHeaders extraHeaders;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile Channel channel;
    private ByteCount counter;
    private long readMark;
    private long writeMark;
    private long payloadOfAnswer;

    PollingClient(ClientLoop loop, ClientTarget target, RecipientMeters meters) {
        this.loop = loop;
        this.target = target;
        this.meters = meters;
        this.recipient = meters.check().newRecipient();
        this.extraHeaders = target.headers().headers(target.origin());
    }

    /** The query after {@code ?} of a poll from cursor {@code after}. */
    protected abstract String query(long after);

    /** Starts polling on a fresh connection. */
    protected abstract void connected();

    /** Decides when to poll next, once an answer has been accounted for. */
    protected abstract void answered();

    @Override
    public CompletableFuture<Void> start() {
        connect();
        return started;
    }

    @Override
    public DeliveryCheck.Recipient recipient() {
        return recipient;
    }

    @Override
    public void close() {
        closed = true;
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void vanish() {
        closed = true;
        Connections.reset(channel);
    }

    protected final EventLoop eventLoop() {
        return channel.eventLoop();
    }

    protected final boolean closed() {
        return closed;
    }

    /** Sends the next poll. Call on the event loop. */
    protected final void poll() {
        if (closed || !channel.isActive()) {
            return;
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                target.messagesPath() + "?" + query(recipient.last()), Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, target.authority()).add(extraHeaders);
        readMark = counter.read();
        writeMark = counter.written();
        meters.requested();
        channel.writeAndFlush(request).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        started.complete(null);
    }

    private void connect() {
        ConnectionCounters counters = new ConnectionCounters(target, meters);
        loop.connect(target.address(), new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                counters.addTo(ch.pipeline(), target).addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BODY),
                        new AnswerHandler());
            }
        }).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess() && closed) {
                f.channel().close(); // closed or vanished while this (re)connection was under way
            } else if (f.isSuccess()) {
                channel = f.channel();
                counter = counters.application();
                connected();
            } else {
                started.completeExceptionally(f.cause());
            }
        });
    }

    private void account(FullHttpResponse answer) {
        WireMeter wire = meters.wire();
        long requestBytes = counter.written() - writeMark;
        long answerBytes = counter.read() - readMark;
        byte[] body = ByteBufUtil.getBytes(answer.content());
        if (!answer.status().equals(HttpResponseStatus.OK)) {
            wire.attribute(WireCategory.HEADERS, requestBytes + answerBytes);
            meters.error(transport().id() + " answered " + answer.status() + ": "
                    + new String(body, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        payloadOfAnswer = 0;
        int messages = DeliveredJson.parseArray(body, (id, stamp, jsonBytes) -> {
            meters.delivered(recipient, id, stamp, System.nanoTime());
            payloadOfAnswer += jsonBytes;
        });
        if (messages == 0) {
            wire.attribute(WireCategory.EMPTY_POLLS, requestBytes + answerBytes);
            meters.answeredEmpty();
        } else {
            wire.attribute(WireCategory.HEADERS, requestBytes + answerBytes - body.length);
            wire.attribute(WireCategory.PAYLOAD, payloadOfAnswer);
            wire.attribute(WireCategory.FRAMING, body.length - payloadOfAnswer);
        }
    }

    /** Accounts for each answer and reconnects when the server closes a connection the client still wants. */
    private final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
            account(answer);
            answered();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!closed) {
                meters.reconnected();
                ctx.channel().eventLoop().schedule(PollingClient.this::connect, RECONNECT_DELAY_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            meters.error(transport().id() + " client: " + cause);
            ctx.close();
        }
    }
}
