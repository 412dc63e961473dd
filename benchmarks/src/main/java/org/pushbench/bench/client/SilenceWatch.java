package org.pushbench.bench.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import org.pushbench.bench.meter.RecipientMeters;

/**
 * A member's liveness rule: a connection that has read nothing at all for the member's silence limit means the
 * server is gone. The limit is what the server promised plus a grace: a WebSocket ping or an SSE comment every
 * keep-alive interval, a long poll's answer within its hold, a short poll's answer at every poll. A dead host, or
 * a network partition, sends no FIN or reset, so without such a rule a member would wait for ever.
 *
 * <p>The rule reports the moment it fired ({@link RecipientMeters#serverSilent()}) and leaves the connection as it
 * is: what a client does next (reconnect elsewhere) is not what is measured.
 */
final class SilenceWatch extends ChannelInboundHandlerAdapter {

    private final RecipientMeters meters;

    private SilenceWatch(RecipientMeters meters) {
        this.meters = meters;
    }

    /** Adds the rule to {@code pipeline} when the member has one ({@link RecipientMeters#watchSilence}). */
    static void addTo(ChannelPipeline pipeline, RecipientMeters meters) {
        Duration limit = meters.silenceLimit();
        if (limit != null) {
            pipeline.addLast(new IdleStateHandler(limit.toNanos(), 0, 0, TimeUnit.NANOSECONDS),
                    new SilenceWatch(meters));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            meters.serverSilent().complete(System.nanoTime());
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }
}
