package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * A held long poll answers only when a message after its cursor exists: concurrent appends, whose announcements
 * can reach a poll that already has the message, must not wake it into an early {@code []}.
 */
class HeldPollRaceTest {

    static Stream<Engine> engines() {
        return InProcessServers.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void concurrentAppendsNeverProduceAnEarlyEmptyAnswer(Engine engine) throws Exception {
        try (InProcessServers servers = new InProcessServers(engine, Duration.ofMinutes(5));
                ClientLoop loop = new ClientLoop(2)) {
            ClientTarget target = servers.target(Transport.LONG_POLLING, HeaderProfile.MINIMAL);
            RecipientMeters members = new RecipientMeters();
            List<LongPollingClient> clients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                LongPollingClient c = new LongPollingClient(loop, target, members, 60_000);
                c.start().get();
                clients.add(c);
            }
            HttpPublisher publisher = new HttpPublisher(Transport.LONG_POLLING, loop, target, new RecipientMeters(),
                    8);
            publisher.start().get();
            int messages = 2000;
            CountDownLatch written = new CountDownLatch(messages);
            byte[] json = "{\"from\":\"p\",\"text\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < messages; i++) {
                publisher.publish(json, now -> written.countDown());
                if (i % 8 == 7) {
                    Thread.sleep(1);
                }
            }
            written.await();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!members.check().allReached(messages) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            members.check().verify(messages);
            assertEquals(0, members.counts().emptyResponses(), "answers with nothing before the 60 s hold ran out");
            clients.forEach(LongPollingClient::close);
            publisher.close();
        }
    }
}
