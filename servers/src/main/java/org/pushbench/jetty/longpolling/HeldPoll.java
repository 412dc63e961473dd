package org.pushbench.jetty.longpolling;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.store.RoomListener;
import org.pushbench.store.Subscription;

/**
 * One long poll: subscribed to its room from construction, then answered exactly once — at once if something is
 * already there, else by the first append, by its timer, or when the connection becomes readable (see
 * {@link ReadInterest}) — or abandoned when Jetty reports the request failed. These race on different threads;
 * whichever releases the poll first decides.
 */
final class HeldPoll implements RoomListener {

    private final MessageStore store;
    private final ChatRoute route;
    private final TransportMetrics metrics;
    private final Consumer<ReadResult> answer;
    private final Subscription subscription;
    private final ReadInterest readInterest;
    private Scheduler.Task timeout;
    private boolean held;
    private boolean done;

    HeldPoll(MessageStore store, ChatRoute route, TransportMetrics metrics, ReadInterest readInterest,
            Consumer<ReadResult> answer) {
        this.store = store;
        this.readInterest = readInterest;
        this.route = route;
        this.metrics = metrics;
        this.answer = answer;
        // Subscribe before the first read: a message appended between the two is then announced, never missed.
        this.subscription = store.subscribe(route.room(), this);
    }

    /** Answers now if there is something after the cursor (or a gap), else holds for up to {@code millis}. */
    void answerOrHold(Scheduler scheduler, long millis) {
        ReadResult now = read();
        if (!now.isEmpty() || now.gap()) {
            if (release()) {
                answer.accept(now);
            }
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            held = true;
            metrics.requestHeld();
            timeout = scheduler.schedule(this::answerNow, millis, TimeUnit.MILLISECONDS);
            readInterest.register(this::answerNow);
        }
    }

    @Override
    public void onAppend(Message message) {
        // A concurrent append still walking the listeners can announce a message this client already has.
        if (message.id() > route.after()) {
            answerNow();
        }
    }

    /** Answers with every message after the cursor that exists now ({@code []} if none). */
    private void answerNow() {
        if (release()) {
            answer.accept(read());
        }
    }

    /** Drops the poll without answering; true if it was still waiting. */
    boolean abandon() {
        return release();
    }

    private synchronized boolean release() {
        if (done) {
            return false;
        }
        done = true;
        subscription.close();
        if (timeout != null) {
            timeout.cancel();
        }
        if (held) {
            readInterest.withdraw();
            metrics.heldRequestReleased();
        }
        return true;
    }

    private ReadResult read() {
        return store.read(route.room(), route.after(), store.retention());
    }
}
