package org.pushbench.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.pushbench.transport.FakeExchange.ManualTimer;

/** The deadline's clock: armed when a request is due, stopped while any is being answered. */
class RequestDeadlineTest {

    private final ManualTimer timer = new ManualTimer();
    private int closes;
    private final RequestDeadline deadline = new RequestDeadline(timer, Duration.ofSeconds(60), () -> closes++);

    @Test
    void aConnectionThatSendsNoWholeRequestIsClosed() {
        deadline.opened();
        assertEquals(60_000L, timer.delays.get(0));
        timer.fireAll();
        assertEquals(1, closes);
    }

    @Test
    void theClockStopsUntilThePipelinedRequestsAreAllAnswered() {
        deadline.opened();
        deadline.requestArrived();
        deadline.requestArrived();
        assertEquals(1, timer.cancelled);
        deadline.answered();
        assertEquals(1, timer.scheduled.size(), "one request still unanswered: no clock");
        deadline.answered();
        assertEquals(2, timer.scheduled.size(), "all answered: the next request is due");
        deadline.stop();
        assertEquals(2, timer.cancelled);
    }
}
