package org.pushbench.bench.meter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    @Test
    void inOrderDeliveryPasses() {
        DeliveryCheck check = new DeliveryCheck();
        DeliveryCheck.Recipient r = check.newRecipient();
        for (long id = 1; id <= 5; id++) {
            assertTrue(r.accept(id));
        }
        assertTrue(check.allReached(5));
        assertDoesNotThrow(() -> check.verify(5));
    }

    @Test
    void aSkippedIdIsLostAndFailsTheRun() {
        DeliveryCheck check = new DeliveryCheck();
        DeliveryCheck.Recipient r = check.newRecipient();
        r.accept(1);
        r.accept(3);
        assertEquals(1, check.lost());
        DeliveryCheck.DeliveryFailure failure = assertThrows(DeliveryCheck.DeliveryFailure.class, () -> check.verify(3));
        assertTrue(failure.getMessage().contains("1 deliveries missing"), failure.getMessage());
    }

    @Test
    void aRepeatedIdIsDuplicatedAndNotMeasuredTwice() {
        DeliveryCheck check = new DeliveryCheck();
        DeliveryCheck.Recipient r = check.newRecipient();
        r.accept(1);
        assertFalse(r.accept(1));
        assertEquals(1, check.duplicated());
        assertThrows(DeliveryCheck.DeliveryFailure.class, () -> check.verify(1));
    }

    @Test
    void aLateIdFillingAGapIsReorderedNotLost() {
        DeliveryCheck check = new DeliveryCheck();
        DeliveryCheck.Recipient r = check.newRecipient();
        r.accept(1);
        r.accept(3);
        assertTrue(r.accept(2));
        assertEquals(0, check.lost());
        assertEquals(1, check.reordered());
        assertThrows(DeliveryCheck.DeliveryFailure.class, () -> check.verify(3));
    }

    @Test
    void aRecipientShortOfTheLastMessageFails() {
        DeliveryCheck check = new DeliveryCheck();
        check.newRecipient().accept(1);
        DeliveryCheck.Recipient slow = check.newRecipient();
        assertFalse(check.allReached(1));
        assertThrows(DeliveryCheck.DeliveryFailure.class, () -> check.verify(1));
        slow.accept(1);
        assertDoesNotThrow(() -> check.verify(1));
    }

    @Test
    void aLateJoinerIsExpectedToReceiveOnlyWhatFollowsItsJoinPoint() {
        DeliveryCheck check = new DeliveryCheck();
        DeliveryCheck.Recipient late = check.newRecipient();
        late.joinAfter(10);
        assertFalse(check.allReached(12));
        assertTrue(late.accept(11));
        assertTrue(late.accept(12));
        assertTrue(check.allReached(12));
        assertDoesNotThrow(() -> check.verify(12));
        late.accept(14);
        assertThrows(DeliveryCheck.DeliveryFailure.class, () -> check.verify(14));
    }

    @Test
    void aMemberThatLeftIsNotAwaitedButWhatItLostStillFails() {
        DeliveryCheck check = new DeliveryCheck();
        DeliveryCheck.Recipient gone = check.newRecipient();
        gone.accept(1);
        gone.leave();
        assertTrue(check.allReached(5));
        assertDoesNotThrow(() -> check.verify(5));
        DeliveryCheck.Recipient lossy = check.newRecipient();
        lossy.accept(2);
        lossy.leave();
        assertThrows(DeliveryCheck.DeliveryFailure.class, () -> check.verify(5));
    }
}
