package org.pushbench.transport.longpolling;

import java.util.concurrent.Executor;

import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.store.RoomListener;
import org.pushbench.store.Subscription;
import org.pushbench.transport.TaskTimer;
import org.pushbench.transport.http.PendingAnswer;
import org.pushbench.transport.http.RequestTarget;

/**
 * One long poll, as an explicit state machine:
 *
 * <pre>
 *   SUBSCRIBED --something after the cursor (or a gap)--> ANSWERED
 *   SUBSCRIBED --nothing yet--> HELD
 *   HELD --an append after the cursor / the wait ran out / the client pipelined--> ANSWERED
 *   HELD --the client left--> ABANDONED
 * </pre>
 *
 * It subscribes before its first read, so a message appended between the two is announced, never missed. Its
 * wake-ups come from the store's threads, the timer and the engine; each leaves SUBSCRIBED or HELD at most
 * once (under the poll's lock), so the answer is written exactly once, with what exists at that moment.
 */
public final class HeldPoll implements RoomListener, PendingAnswer {

    enum State { SUBSCRIBED, HELD, ANSWERED, ABANDONED }

    /** What the poll's transitions do outside it: metrics and the engine's exchange. */
    interface Outcome {
        void held(HeldPoll poll);

        void released();

        void answer(ReadResult result);
    }

    private final MessageStore store;
    private final RequestTarget target;
    private final Executor serial;
    private final Outcome outcome;
    private final Subscription subscription;
    private State state = State.SUBSCRIBED;
    private TaskTimer.Cancellable timeout;

    HeldPoll(MessageStore store, RequestTarget target, Executor serial, Outcome outcome) {
        this.store = store;
        this.target = target;
        this.serial = serial;
        this.outcome = outcome;
        this.subscription = store.subscribe(target.room(), this);
    }

    /** Answers now if there is something after the cursor (or a gap), else holds for up to {@code millis}. */
    void answerOrHold(TaskTimer timer, long millis) {
        ReadResult now = read();
        if (!now.isEmpty() || now.gap()) {
            if (leave(State.ANSWERED)) {
                outcome.answer(now);
            }
            return;
        }
        synchronized (this) {
            if (state != State.SUBSCRIBED) {
                return;
            }
            state = State.HELD;
            timeout = timer.schedule(this::answerNow, millis);
            // Inside the lock: no wake-up can release the poll before the engine knows it is held.
            outcome.held(this);
        }
    }

    @Override
    public void onAppend(Message message) {
        // A concurrent append still walking the listeners can announce a message this client already has
        // (its previous answer carried it); answering then would be an early, empty answer.
        if (message.id() > target.after()) {
            serial.execute(this::answerNow);
        }
    }

    @Override
    public void clientSpoke() {
        answerNow();
    }

    @Override
    public boolean clientLeft() {
        return leave(State.ABANDONED);
    }

    synchronized State state() {
        return state;
    }

    private void answerNow() {
        if (leave(State.ANSWERED)) {
            outcome.answer(read());
        }
    }

    /** The one exit from SUBSCRIBED or HELD; false if the poll had already left them. */
    private boolean leave(State next) {
        boolean wasHeld;
        synchronized (this) {
            if (state == State.ANSWERED || state == State.ABANDONED) {
                return false;
            }
            wasHeld = state == State.HELD;
            state = next;
        }
        subscription.close();
        if (timeout != null) {
            timeout.cancel();
        }
        if (wasHeld) {
            outcome.released();
        }
        return true;
    }

    private ReadResult read() {
        return store.read(target.room(), target.after(), store.retention());
    }
}
