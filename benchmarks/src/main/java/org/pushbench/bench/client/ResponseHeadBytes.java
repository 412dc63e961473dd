package org.pushbench.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * In front of the HTTP codec of a connection that reads one response: finds where the response head ends (its
 * blank line) in the raw bytes, and counts the body's raw bytes. Netty's decoder tells neither, and with the
 * head and the first chunk in one read, only the bytes themselves say where one ends. After each read is
 * decoded (the codec decodes synchronously), it calls {@code decoded}, so the client can attribute what that
 * read completed.
 */
final class ResponseHeadBytes extends ChannelInboundHandlerAdapter {

    private final Runnable decoded;
    private long headBytes;
    private long bodyBytes;
    private boolean headDone;
    private int matched;

    ResponseHeadBytes(Runnable decoded) {
        this.decoded = decoded;
    }

    /** The bytes of the status line and headers, the blank line included; valid once the head is decoded. */
    long headBytes() {
        return headBytes;
    }

    /** The raw bytes after the head: chunk framing and data. */
    long bodyBytes() {
        return bodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf) {
            int i = buf.readerIndex();
            while (!headDone && i < buf.writerIndex()) {
                byte b = buf.getByte(i++);
                headBytes++;
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
                headDone = matched == 4;
            }
            bodyBytes += buf.writerIndex() - i;
        }
        ctx.fireChannelRead(msg);
        decoded.run();
    }
}
