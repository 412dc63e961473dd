package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pushbench.bench.calibration.CalibrationLoad;
import org.pushbench.bench.calibration.Floor;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.load.LatencySummary;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/** The calibration's files: every floor figure, and FanOut rows at the calibration's load divided by the floors. */
class CalibrationReportTest {

    private static final CalibrationLoad LOAD = new CalibrationLoad(50, 20, 64, Duration.ofSeconds(1),
            Duration.ofSeconds(1), 10, 10);
    private static final List<Floor> FLOORS = List.of(
            new Floor("machine.pingPong", "round trip", 10, 20, 40, 25, Double.NaN, Double.NaN),
            new Floor("machine.idleWake", "wake", 10, 100, 200, 120, Double.NaN, Double.NaN),
            new Floor("engine.netty", "bare netty", 900, 250, 500, 300, 8_000, 10_000));

    @TempDir
    Path out;

    @Test
    void dividesFanOutAtTheCalibrationLoadByTheFloors() throws Exception {
        ResultRow atLoad = fanOut(50, 1000, 2000, 16_000, 30_000);
        ResultRow otherLoad = fanOut(200, 5000, 9000, 1, 1);
        CalibrationReport report = new CalibrationReport(FLOORS, LOAD, List.of(atLoad, otherLoad));

        report.writeCsv(out.resolve("calibration.csv"));
        List<String> csv = Files.readAllLines(out.resolve("calibration.csv"));
        assertEquals("subject,transport,engine,figure,value,floor,floorValue,ratio", csv.get(0));
        assertTrue(csv.contains("machine.pingPong,,,p50Us,20.000,,,"), csv.toString());
        assertTrue(csv.contains("engine.netty,,,serverCpuNsPerDelivery,8000.000,,,"), csv.toString());
        assertTrue(csv.contains("FanOut,websocket,netty,latencyP50Us,1000.000,machine.pingPong,20.000,50.000"));
        assertTrue(csv.contains("FanOut,websocket,netty,latencyP50Us,1000.000,machine.idleWake,100.000,10.000"));
        assertTrue(csv.contains("FanOut,websocket,netty,latencyP99Us,2000.000,engine.netty,500.000,4.000"));
        assertTrue(csv.contains("FanOut,websocket,netty,serverCpuNsPerDelivery,16000.000,engine.netty,8000.000,2.000"));
        assertTrue(csv.contains("FanOut,websocket,netty,clientCpuNsPerDelivery,30000.000,engine.netty,10000.000,3.000"));
        // 2 machine floors x 4 figures, 1 engine floor x 6, 6 ratios of the row at the load, none of the other.
        assertEquals(1 + 8 + 6 + 6, csv.size(), csv.toString());

        String md = report.markdown();
        assertTrue(md.contains("| websocket | netty | minimal | 50.00× | 10.00× | 4.00× | 4.00× | 2.00× | 3.00× | 1.88× |"),
                md);
        Path env = Files.writeString(out.resolve("env.txt"), "mode: quick\n");
        report.appendTo(env);
        List<String> lines = Files.readAllLines(env);
        assertEquals("mode: quick", lines.get(0));
        assertTrue(lines.contains("calibration ratio FanOut websocket netty latencyP50Us / engine.netty: 4.00"));
    }

    private static ResultRow fanOut(int clients, long p50, long p99, double serverCpu, double clientCpu) {
        LatencySummary.Percentiles l = new LatencySummary.Percentiles(p50, p50, p99, p99, p99, p99, 100);
        return new ResultRow("FanOut", Transport.WEBSOCKET, Engine.NETTY, clients, 20, 64, 1000, 0,
                HeaderProfile.MINIMAL, clients * 20.0, Map.of("server.cpuPerDelivery", serverCpu,
                        "client.cpuPerDelivery", clientCpu), new LatencySummary(l, l), "stem");
    }
}
