package org.pushbench.bench.calibration;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.HdrHistogram.Histogram;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/**
 * An engine's floor: its {@link FloorServer} in a JVM of its own, driven by pushbench's own WebSocket clients and
 * open-loop publisher at the run's load, measured as a benchmark window is (latency from the intended send time,
 * CPU of each process per delivery), and delivery-checked as a benchmark is: every member must get every message
 * once, in order, or the calibration fails.
 */
final class EngineFloor {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private EngineFloor() {
    }

    static Floor measure(Engine engine, CalibrationLoad plan) throws Exception {
        String room = "floor";
        LoadSpec spec = new LoadSpec(Transport.WEBSOCKET, plan.clients(), plan.rate(), plan.payloadBytes(), 1000, 0,
                HeaderProfile.MINIMAL, room);
        try (FloorServerProcess server = new FloorServerProcess(engine, "1g", START_TIMEOUT);
                ClientLoop loop = new ClientLoop(0);
                ChatLoad load = new ChatLoad(spec, new ClientTarget("127.0.0.1", server.port(), room,
                        HeaderProfile.MINIMAL), loop, FloorMessages.delivered(room, plan.payloadBytes()))) {
            load.connect(CONNECT_TIMEOUT);
            load.startSending();
            Thread.sleep(plan.warmup().toMillis());
            load.recipients().latency().takeWindow();
            long deliveriesAtStart = load.recipients().counts().deliveries();
            long serverCpuAtStart = server.cpuNanos();
            long clientCpuAtStart = clientCpuNanos();
            Thread.sleep(plan.measure().toMillis());
            long clientCpu = clientCpuNanos() - clientCpuAtStart;
            long serverCpu = server.cpuNanos() - serverCpuAtStart;
            Histogram latency = load.recipients().latency().takeWindow().corrected();
            long deliveries = load.recipients().counts().deliveries() - deliveriesAtStart;
            load.stopAndVerify(DRAIN_TIMEOUT);
            if (deliveries == 0) {
                throw new IllegalStateException("the " + engine.id() + " floor delivered nothing");
            }
            return Floor.ofMicros("engine." + engine.id(), "WebSocket delivery, bare " + engine.id()
                    + " broadcast", latency, (double) serverCpu / deliveries, (double) clientCpu / deliveries);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
