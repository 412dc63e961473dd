package org.pushbench.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.pushbench.transport.http.Answer;
import org.pushbench.transport.http.HttpExchange;
import org.pushbench.transport.http.PendingAnswer;

/**
 * An engine's exchange without an engine: records the answers, runs the serial executor and the timer only when
 * the test says so, so a test can order every wake-up of a held poll as a race would.
 */
public final class FakeExchange implements HttpExchange {

    public final List<Answer> answers = new ArrayList<>();
    public final Queue<Runnable> serialTasks = new ArrayDeque<>();
    public final ManualTimer timer = new ManualTimer();
    public PendingAnswer held;
    public int releases;
    private final String method;
    private final String target;
    private final byte[] body;

    public FakeExchange(String method, String target, byte[] body) {
        this.method = method;
        this.target = target;
        this.body = body;
    }

    public static FakeExchange get(String target) {
        return new FakeExchange("GET", target, new byte[0]);
    }

    /** Runs what the store's wake-ups queued on the connection, in order. */
    public void runSerialTasks() {
        Runnable task;
        while ((task = serialTasks.poll()) != null) {
            task.run();
        }
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public String origin() {
        return null;
    }

    @Override
    public String host() {
        return null;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public void answer(Answer answer) {
        answers.add(answer);
    }

    @Override
    public Executor serial() {
        return serialTasks::add;
    }

    @Override
    public TaskTimer timer() {
        return timer;
    }

    @Override
    public void holding(PendingAnswer pending) {
        held = pending;
    }

    @Override
    public void released() {
        releases++;
    }

    /** A timer whose tasks run when the test fires them. */
    public static final class ManualTimer implements TaskTimer {
        public final List<Runnable> scheduled = new ArrayList<>();
        public final List<Long> delays = new ArrayList<>();
        public int cancelled;

        @Override
        public Cancellable schedule(Runnable task, long millis) {
            scheduled.add(task);
            delays.add(millis);
            return () -> cancelled++;
        }

        public void fireAll() {
            new ArrayList<>(scheduled).forEach(Runnable::run);
        }
    }
}
