package org.pushbench.bench.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.ByteCount;
import org.pushbench.bench.meter.WireCategory;
import org.pushbench.server.Transport;

/**
 * Posts each message with {@code POST /rooms/{room}/messages} over a small pool of keep-alive connections, one
 * request at a time per connection. When every connection is waiting for its {@code 201}, the message waits in a
 * queue: its intended send time has passed, and the corrected latency shows it.
 */
public final class HttpPublisher implements Publisher {

    private final Transport transport;
    private final ClientLoop loop;
    private final ClientTarget target;
    private final RecipientMeters meters;
    private final int connections;
    private final Deque<Channel> idle = new ArrayDeque<>();
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final List<Channel> all = new ArrayList<>();

    public HttpPublisher(Transport transport, ClientLoop loop, ClientTarget target, RecipientMeters meters,
            int connections) {
        this.transport = transport;
        this.loop = loop;
        this.target = target;
        this.meters = meters;
        this.connections = connections;
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public CompletableFuture<Void> start() {
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ConnectionCounters counters = new ConnectionCounters(target, meters);
            loop.connect(target.address(), new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    counters.addTo(ch.pipeline(), target).addLast(new HttpClientCodec(),
                            new HttpObjectAggregator(1 << 20), new AnswerHandler(counters.application()));
                }
            }).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    synchronized (this) {
                        all.add(f.channel());
                    }
                    release(f.channel());
                    done.complete(null);
                } else {
                    done.completeExceptionally(f.cause());
                }
            });
            opened.add(done);
        }
        return CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new));
    }

    @Override
    public void publish(byte[] sentJson, SendTimeListener beforeWrite) {
        Channel channel;
        synchronized (this) {
            channel = idle.pollFirst();
            if (channel == null) {
                queue.addLast(new Pending(sentJson, beforeWrite));
                return;
            }
        }
        write(channel, new Pending(sentJson, beforeWrite));
    }

    /** A connection whose answer has arrived takes the oldest queued message, or waits for the next one. */
    private void release(Channel channel) {
        Pending next;
        synchronized (this) {
            next = queue.pollFirst();
            if (next == null) {
                idle.addLast(channel);
                return;
            }
        }
        write(channel, next);
    }

    private void write(Channel channel, Pending message) {
        FullHttpRequest post = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                target.messagesPath(), Unpooled.wrappedBuffer(message.json));
        post.headers().set(HttpHeaderNames.HOST, target.authority())
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, message.json.length)
                .add(target.headers().headers(target.origin()));
        message.beforeWrite.sending(System.nanoTime());
        channel.writeAndFlush(post);
    }

    @Override
    public synchronized void close() {
        all.forEach(Channel::close);
    }

    private record Pending(byte[] json, SendTimeListener beforeWrite) {
    }

    /** Accounts for each {@code 201} and hands the connection to the next message. */
    private final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        private final ByteCount counter;
        private long accounted;

        AnswerHandler(ByteCount counter) {
            this.counter = counter;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
            long total = counter.read() + counter.written();
            meters.wire().attribute(WireCategory.HEADERS, total - accounted);
            accounted = total;
            if (!answer.status().equals(HttpResponseStatus.CREATED)) {
                meters.error("POST answered " + answer.status() + ": "
                        + answer.content().toString(java.nio.charset.StandardCharsets.UTF_8));
            }
            release(ctx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            meters.error("publisher: " + cause);
            ctx.close();
        }
    }
}
