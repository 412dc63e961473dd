package org.pushbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.client.Publisher;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.SentMessage;
import org.pushbench.server.Transport;

/** The open-loop schedule: a stalled send does not shift the messages after it, they leave late but keep their stamps. */
class OpenLoopSenderTest {

    private static final int RATE = 100;
    private static final long PERIOD = 1_000_000_000L / RATE;
    private static final long STALL_MILLIS = 300;

    @Test
    void messagesDelayedByAStalledPublisherKeepTheirIntendedStamps() throws Exception {
        StallingPublisher publisher = new StallingPublisher();
        OpenLoopSender sender = new OpenLoopSender(publisher,
                new LoadSpec(Transport.WEBSOCKET, 1, RATE, 8, 1000, 0, HeaderProfile.MINIMAL, "r"),
                new RecipientMeters()::sendLog, MessageEncoder.sentMessages(8));
        sender.start();
        while (publisher.sent.size() < 40) {
            Thread.sleep(10);
        }
        long sent = sender.stop();
        List<Sent> log = List.copyOf(publisher.sent);
        assertEquals(sent, log.size());
        for (int k = 0; k < log.size(); k++) {
            assertEquals(k * PERIOD, log.get(k).stamp(), "message " + k + " carries its slot on the schedule");
        }
        // Message 1 was due one period after message 0 but could leave only after the stall: it is late, not skipped.
        long lateness = log.get(1).sentNanos() - log.get(0).sentNanos() - PERIOD;
        assertTrue(lateness >= (STALL_MILLIS - 20) * 1_000_000, "message 1 left " + lateness + " ns late");
        assertTrue(sender.due(System.nanoTime()) >= sent, "the schedule offered at least what left");
    }

    private record Sent(long stamp, long sentNanos) {
    }

    /** Records what it is given; its first send blocks the sending thread, as a stalled machine would. */
    private static final class StallingPublisher implements Publisher {
        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public Transport transport() {
            return Transport.WEBSOCKET;
        }

        @Override
        public CompletableFuture<Void> start() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void publish(byte[] sentJson, SendTimeListener beforeWrite) {
            try {
                long now = System.nanoTime();
                beforeWrite.sending(now);
                sent.add(new Sent(ChatJson.mapper().readValue(sentJson, SentMessage.class).stamp(), now));
                if (sent.size() == 1) {
                    Thread.sleep(STALL_MILLIS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
        }
    }
}
