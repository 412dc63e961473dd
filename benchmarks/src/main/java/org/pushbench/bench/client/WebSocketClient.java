package org.pushbench.bench.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.ByteCount;
import org.pushbench.bench.meter.WireCategory;
import org.pushbench.bench.meter.WireMeter;
import org.pushbench.server.Transport;

/**
 * A real RFC 6455 client: opening handshake, masked frames, a pong for every ping, and the close handshake.
 * Every byte of the handshake counts as headers; after it, each frame's payload and header are attributed from
 * its length ({@link WebSocketFrames}). The server sends nothing before its 101 answer is read, because the
 * client joins with no backlog to catch up on, so the two never share a read.
 *
 * <p>Made with {@code reconnect}, it behaves like a chat page behind a load balancer: a lost connection is
 * counted as a reconnection, not an error, and it connects again after {@value #RECONNECT_DELAY_MILLIS} ms
 * from its cursor ({@code after=} its last id), so a node's death costs it no message and no duplicate.
 */
public final class WebSocketClient implements SimulatedClient {

    private static final int MAX_FRAME = 16 << 20;
    private static final long RECONNECT_DELAY_MILLIS = 100;

    private final ClientLoop loop;
    private final ClientTarget target;
    private final RecipientMeters meters;
    private final DeliveryCheck.Recipient recipient;
    private final boolean reconnect;
    private volatile WebSocketClientHandshaker handshaker;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile Channel channel;

    public WebSocketClient(ClientLoop loop, ClientTarget target, RecipientMeters meters) {
        this(loop, target, meters, false);
    }

    /** @param reconnect whether a lost connection is opened again from the cursor (see above) */
    public WebSocketClient(ClientLoop loop, ClientTarget target, RecipientMeters meters, boolean reconnect) {
        this.loop = loop;
        this.target = target;
        this.meters = meters;
        this.recipient = meters.check().newRecipient();
        this.reconnect = reconnect;
    }

    @Override
    public Transport transport() {
        return Transport.WEBSOCKET;
    }

    @Override
    public DeliveryCheck.Recipient recipient() {
        return recipient;
    }

    /** Subscribes from the recipient's cursor as it is at start, so a late joiner starts where it joined. */
    @Override
    public CompletableFuture<Void> start() {
        URI uri = URI.create(target.tls().scheme("ws") + "://" + target.authority() + "/rooms/" + target.room() + "/ws?after="
                + recipient.last());
        handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, false,
                target.headers().headers(target.origin()), MAX_FRAME, true, false, 10_000, false, false);
        ConnectionCounters counters = new ConnectionCounters(target, meters);
        loop.connect(target.address(), new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                counters.addTo(ch.pipeline(), target).addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                        new FrameHandler(counters.application()));
            }
        }).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess() && closing) {
                f.channel().close();
            } else if (f.isSuccess()) {
                channel = f.channel();
                handshaker.handshake(channel);
            } else if (started.isDone() && reconnect) {
                reconnectLater(f.channel());
            } else {
                started.completeExceptionally(f.cause());
            }
        });
        return started;
    }

    /** Sends a chat message as one masked text frame; any thread. */
    void send(byte[] sentJson) {
        WireMeter wire = meters.wire();
        wire.attribute(WireCategory.PAYLOAD, sentJson.length);
        wire.attribute(WireCategory.FRAMING, WebSocketFrames.headerBytes(sentJson.length, true));
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(sentJson)));
    }

    /** Starts the close handshake with 1000; the server answers with its close frame and closes the TCP connection. */
    @Override
    public void close() {
        closing = true;
        Channel c = channel;
        if (c == null) {
            return;
        }
        if (!handshaker.isHandshakeComplete()) {
            c.close();
            return;
        }
        CloseWebSocketFrame frame = new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE);
        meters.wire().attribute(WireCategory.KEEPALIVE,
                WebSocketFrames.wireBytes(frame.content().readableBytes(), true));
        c.writeAndFlush(frame);
    }

    /** Completes when the connection is closed: after {@link #close()}, once the server's close frame is read. */
    @Override
    public CompletableFuture<Void> whenClosed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Channel c = channel;
        if (c == null) {
            done.complete(null);
        } else {
            c.closeFuture().addListener(f -> done.complete(null));
        }
        return done;
    }

    /** Connects again soon, on the event loop of the connection that was lost or refused. */
    private void reconnectLater(Channel lost) {
        if (!closing) {
            meters.reconnected();
            lost.eventLoop().schedule(this::start, RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void vanish() {
        closing = true;
        Connections.reset(channel);
    }

    /** The handshake answer first, then frames. */
    private final class FrameHandler extends SimpleChannelInboundHandler<Object> {

        private final ByteCount counter;

        FrameHandler(ByteCount counter) {
            this.counter = counter;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpResponse answer) {
                handshaken(ctx, answer);
            } else if (msg instanceof WebSocketFrame frame) {
                frame(ctx, frame);
            }
        }

        private void handshaken(ChannelHandlerContext ctx, FullHttpResponse answer) {
            meters.wire().attribute(WireCategory.HEADERS, counter.written() + counter.read());
            try {
                handshaker.finishHandshake(ctx.channel(), answer);
                started.complete(null);
            } catch (RuntimeException e) {
                meters.error("websocket handshake refused: " + answer.status());
                started.completeExceptionally(e);
                ctx.close();
            }
        }

        private void frame(ChannelHandlerContext ctx, WebSocketFrame frame) {
            WireMeter wire = meters.wire();
            int length = frame.content().readableBytes();
            if (frame instanceof TextWebSocketFrame) {
                wire.attribute(WireCategory.FRAMING, WebSocketFrames.headerBytes(length, false));
                wire.attribute(WireCategory.PAYLOAD, length);
                DeliveredJson.parseObject(ByteBufUtil.getBytes(frame.content()),
                        (id, stamp, jsonBytes) -> meters.delivered(recipient, id, stamp, System.nanoTime()));
                return;
            }
            wire.attribute(WireCategory.KEEPALIVE, WebSocketFrames.wireBytes(length, false));
            if (frame instanceof PingWebSocketFrame) {
                wire.attribute(WireCategory.KEEPALIVE, WebSocketFrames.wireBytes(length, true));
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame close) {
                closedByServer(ctx, close);
            } else if (!(frame instanceof PongWebSocketFrame)) {
                meters.error("websocket: unexpected " + frame.getClass().getSimpleName());
            }
        }

        private void closedByServer(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
            if (closing) {
                ctx.close();
                return;
            }
            meters.error("websocket closed by the server: " + close.statusCode() + " " + close.reasonText());
            CloseWebSocketFrame answer = close.statusCode() > 0
                    ? new CloseWebSocketFrame(close.statusCode(), "") : new CloseWebSocketFrame();
            meters.wire().attribute(WireCategory.KEEPALIVE,
                    WebSocketFrames.wireBytes(answer.content().readableBytes(), true));
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (reconnect) {
                reconnectLater(ctx.channel());
            } else if (!closing) {
                meters.error("websocket connection lost");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            meters.error("websocket client: " + cause);
            started.completeExceptionally(cause);
            ctx.close();
        }
    }
}
