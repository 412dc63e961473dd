package org.pushbench.netty.longpolling;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;

import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.store.RoomListener;
import org.pushbench.store.Subscription;

/**
 * One held long poll: subscribed to its room from construction, answered exactly once — by the first append,
 * by its timeout, or early when the client pipelines another request — or abandoned when the client leaves.
 * Every state change runs on the connection's event loop; the store's wake-up only schedules it there.
 */
final class HeldPoll implements RoomListener {

    private final ChannelHandlerContext ctx;
    private final MessageStore store;
    private final ChatRoute route;
    private final TransportMetrics metrics;
    private final Consumer<ReadResult> answer;
    private final Subscription subscription;
    private ScheduledFuture<?> timeout;
    private boolean held;
    private boolean done;

    HeldPoll(ChannelHandlerContext ctx, MessageStore store, ChatRoute route, TransportMetrics metrics,
            Consumer<ReadResult> answer) {
        this.ctx = ctx;
        this.store = store;
        this.route = route;
        this.metrics = metrics;
        this.answer = answer;
        this.subscription = store.subscribe(route.room(), this);
    }

    /** Starts holding: counted as held until answered or abandoned. */
    void hold(long millis) {
        held = true;
        metrics.requestHeld();
        timeout = ctx.executor().schedule(this::answerNow, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onAppend(Message message) {
        // A concurrent append still walking the listeners can announce a message this client already has
        // (its previous answer carried it); answering then would be an early, empty answer.
        if (message.id() > route.after()) {
            ctx.executor().execute(this::answerNow);
        }
    }

    /** Answers with every message after the cursor that exists now ({@code []} if none). */
    void answerNow() {
        if (release()) {
            answer.accept(store.read(route.room(), route.after(), store.retention()));
        }
    }

    /** Drops the poll without answering: the client is gone, or the answer was already there. */
    void abandon() {
        release();
    }

    private boolean release() {
        if (done) {
            return false;
        }
        done = true;
        subscription.close();
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (held) {
            metrics.heldRequestReleased();
        }
        return true;
    }
}
