package org.pushbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendRateTest {

    @Test
    void aSenderOnScheduleIsNotFlaggedEvenOneMessageBehind() {
        assertFalse(new SendRate(200, 200, 10).belowOffered());
        assertFalse(new SendRate(40, 39, 2).belowOffered(), "one message is the counts' resolution");
        assertFalse(new SendRate(2000, 1981, 10).belowOffered(), "99.05 %");
    }

    @Test
    void aSenderMoreThanOnePercentBehindIsFlaggedWithBothRates() {
        SendRate rate = new SendRate(2000, 1960, 10);
        assertTrue(rate.belowOffered());
        assertEquals(200.0, rate.offeredPerSecond(), 0);
        assertEquals(196.0, rate.achievedPerSecond(), 0);
        assertEquals(98.0, rate.achievedPercent(), 1e-9);
        assertTrue(rate.warning().contains("196.0 msgs/s of the 200.0 offered (98.0 %"), rate.warning());
    }

    @Test
    void anIdleRoomOffersNothingAndIsNotFlagged() {
        SendRate idle = new SendRate(0, 0, 10);
        assertFalse(idle.belowOffered());
        assertEquals(100, idle.achievedPercent(), 0);
    }
}
