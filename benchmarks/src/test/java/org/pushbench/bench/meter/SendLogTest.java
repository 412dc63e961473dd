package org.pushbench.bench.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendLogTest {

    private static final long ORIGIN = 1_000_000;
    private static final long PERIOD = 50_000_000;

    @Test
    void aStampIsTheIntendedOffsetAndMapsBackToItsSendTime() {
        SendLog log = new SendLog(ORIGIN, PERIOD);
        assertEquals(3 * PERIOD, log.stamp(3));
        assertEquals(ORIGIN + 3 * PERIOD, log.intendedNanos(log.stamp(3)));
        log.sent(log.stamp(3), 777);
        log.sent(log.stamp(4), 888);
        assertEquals(777, log.actualSendNanos(log.stamp(3)));
        assertEquals(888, log.actualSendNanos(log.stamp(4)));
    }

    @Test
    void aRecipientAsFarBehindAsTheRingFailsInsteadOfReadingANewerSendTime() {
        SendLog log = new SendLog(ORIGIN, PERIOD);
        for (long k = 0; k < SendLog.RING; k++) {
            log.sent(log.stamp(k), 10 + k);
        }
        assertEquals(10, log.actualSendNanos(log.stamp(0)), "the oldest kept send time is still its own");
        log.sent(log.stamp(SendLog.RING), 5);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.actualSendNanos(log.stamp(0)));
        assertTrue(e.getMessage().contains("behind"), e.getMessage());
        assertEquals(11, log.actualSendNanos(log.stamp(1)));
    }

    @Test
    void theRecipientMetersTurnSuchADeliveryIntoAnErrorThatFailsTheRun() {
        RecipientMeters meters = new RecipientMeters();
        SendLog log = new SendLog(ORIGIN, PERIOD);
        meters.sendLog(log);
        for (long k = 0; k <= SendLog.RING; k++) {
            log.sent(log.stamp(k), k);
        }
        DeliveryCheck.Recipient member = meters.check().newRecipient();
        meters.delivered(member, 1, log.stamp(0), 1_000);
        assertEquals(1, meters.counts().errors());
        assertTrue(meters.firstError().contains("cannot keep up"), meters.firstError());
        assertEquals(0, meters.latency().takeWindow().corrected().getTotalCount(), "no latency taken for it");
    }

    @Test
    void aDeliveryParsedBeforeItsSendTimeArrivedIsTimedOnceItDoes() {
        RecipientMeters meters = new RecipientMeters();
        SendLog log = new SendLog(ORIGIN, PERIOD);
        meters.sendLog(log);
        DeliveryCheck.Recipient member = meters.check().newRecipient();
        meters.delivered(member, 1, log.stamp(0), ORIGIN + 5_000_000);
        assertEquals(0, meters.latency().takeWindow().corrected().getTotalCount(), "not timed without a send time");
        log.sent(log.stamp(0), ORIGIN + 1_000_000);
        meters.sendTimesArrived();
        meters.sendTimesArrived();
        LatencyRecorder.Window w = meters.latency().takeWindow();
        assertEquals(1, w.corrected().getTotalCount(), "timed exactly once");
        assertEquals(5_000, w.corrected().getMaxValue(), 5, "from the intended send time, in µs");
        assertEquals(4_000, w.uncorrected().getMaxValue(), 5, "from the actual send time, in µs");
        assertEquals(1, meters.counts().deliveries());
    }
}
