package org.pushbench.netty;

import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;

import org.pushbench.server.ServerConfig;

/**
 * One HTTP/2 stream's pipeline: Netty's codec turns its frames into HTTP/1.1 messages, so the HTTP/1.1 front and
 * the transport's handlers run on it unchanged, each stream its own request, held answer or event stream; a reset
 * stream closes its child channel as a closed connection does.
 */
final class Http2StreamInitializer extends ChannelInitializer<Channel> {

    private final ServerConfig config;
    private final Consumer<ChannelPipeline> transport;

    Http2StreamInitializer(ServerConfig config, Consumer<ChannelPipeline> transport) {
        this.config = config;
        this.transport = transport;
    }

    @Override
    protected void initChannel(Channel stream) {
        transport.accept(HttpFront.requests(stream.pipeline(), config, new Http2StreamFrameToHttpObjectCodec(true)));
    }
}
