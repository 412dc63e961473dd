package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/plot.py on real runs, checked through plots/manifest.json (what each figure drew): every figure is
 * written, every transport of summary.csv is in every figure, a run compared with itself draws every measured
 * bar and line twice, a comparison of unlike loads says so and overlays nothing, and parameters that are not
 * in today's runs (network profiles, SSE) get their panels and the latency-against-RTT figure.
 */
class PlotScriptTest {

    private static final List<String> FIGURES = List.of("latency-percentiles", "bytes-per-delivery", "polling-dial",
            "server-load", "idle-cost", "model-vs-measured", "latency-vs-rtt",
            "first-message-vs-rtt");

    private static PlotScript plot;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPython() {
        plot = PlotScript.find();
    }

    @Test
    void theSampleRunGetsEveryFigureItsManifestAndItsReport() throws Exception {
        Path run = PlotScript.copy(PlotScript.SAMPLE, dir.resolve("sample"));
        JsonNode manifest = plot.plot(run);

        assertEquals(FIGURES, names(manifest.get("figures")));
        for (JsonNode figure : manifest.get("figures")) {
            String name = figure.get("name").asText();
            if (name.equals("latency-vs-rtt")) {
                assertTrue(figure.get("skipped").asBoolean(), "no rttMs column: the RTT figure is skipped");
                assertTrue(figure.get("notes").get(0).asText().contains("no rttMs column"), "and says why");
                continue;
            }
            if (name.equals("first-message-vs-rtt")) {
                assertTrue(figure.get("skipped").asBoolean(), "no FirstMessage rows: skipped");
                assertTrue(figure.get("notes").get(0).asText().contains("0 RTT value(s) among FirstMessage rows"),
                        "and says why");
                continue;
            }
            for (String ext : List.of("png", "svg")) {
                Path file = run.resolve("plots").resolve(name + "." + ext);
                assertTrue(Files.isRegularFile(file) && Files.size(file) > 1000, file + " written");
            }
            if (!figure.get("placeholder").asBoolean()) {
                assertEquals(transportsOf(run), set(figure.get("transports")), name + " shows every transport");
            }
        }
        assertEquals(3 * 2, count(figure(manifest, "latency-percentiles"), "line", "measured", null),
                "three transports, corrected and uncorrected");
        assertEquals(3, count(figure(manifest, "bytes-per-delivery"), "bar", "measured", null));
        assertTrue(figure(manifest, "server-load").get("placeholder").asBoolean(), "a quick run has no Capacity");
        assertTrue(Files.size(run.resolve("report.html")) > 10_000, "report.html written");
        assertTrue(plot.run(dir.resolve("absent").toString()).exitCode() != 0, "a missing directory is an error");
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("summary.csv"), "benchmark,engine\nFanOut,netty\n");
        PlotScript.Result refused = plot.run(bad.toString());
        assertTrue(refused.exitCode() != 0 && refused.output().contains("lacks the column(s) transport, clients"),
                "a summary.csv without the parameters is refused: " + refused.output());
        assertFalse(Files.exists(bad.resolve("plots")), "and nothing is written");
        assertTrue(plot.run(run.toString(), "--compare-engines").output().contains("needs two engines"),
                "--compare-engines of a one-engine run says why it cannot");
    }

    @Test
    void aRunComparedWithItselfDrawsEveryMeasuredBarAndLineTwice() throws Exception {
        Path run = PlotScript.copy(PlotScript.REFERENCE, dir.resolve("reference"));
        Path same = PlotScript.copy(PlotScript.REFERENCE, dir.resolve("again"));
        JsonNode alone = plot.plot(run);
        JsonNode twice = plot.plot(run, "--compare", same.toString());

        assertEquals("compare", twice.get("mode").asText());
        assertTrue(twice.get("onlyIn").get("reference").isEmpty() && twice.get("onlyIn").get("again").isEmpty(),
                "every point matched");
        for (String name : FIGURES) {
            JsonNode one = figure(alone, name);
            JsonNode two = figure(twice, name);
            for (String kind : List.of("bar", "line")) {
                int single = count(one, kind, "measured", null);
                if (name.equals("model-vs-measured")) {
                    assertEquals(single, count(two, kind, "measured", null), name + " shows the first run only");
                    continue;
                }
                assertEquals(2 * single, count(two, kind, "measured", null), name + ": twice the " + kind + "s");
                assertEquals(single, count(two, kind, "measured", "again"), name + ": the other run's " + kind + "s");
                assertEquals(count(one, kind, "model", null), count(two, kind, "model", null),
                        name + ": the model once");
            }
        }
        assertTrue(count(figure(alone, "server-load"), "line", "measured", null) > 0, "Capacity is drawn");
        assertTrue(count(figure(alone, "polling-dial"), "line", "measured", null) > 0, "the sweep is drawn");

        JsonNode engines = plot.plot(run, "--compare-engines");
        assertEquals(List.of("jetty", "netty"), names(engines.get("runs")));
        JsonNode idle = figure(engines, "idle-cost");
        assertEquals(count(figure(alone, "idle-cost"), "bar", "measured", null), count(idle, "bar", "measured", null));
        assertEquals(count(idle, "bar", "measured", "jetty"), count(idle, "bar", "measured", "netty"),
                "each idle bar of one engine beside the other's");
    }

    @Test
    void aComparisonOfUnlikeLoadsSaysSoAndOverlaysNothing() throws Exception {
        Path run = PlotScript.copy(PlotScript.SAMPLE, dir.resolve("sample"));
        Path reference = PlotScript.copy(PlotScript.REFERENCE, dir.resolve("reference"));
        PlotScript.Result result = plot.run(run.toString(), "--compare", reference.toString());

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("reference has no FanOut point at this load (50 clients"),
                "the latency figure names the load the other run lacks: " + result.output());
        assertTrue(result.output().contains("its FanOut loads: 200 clients at 20 msg/s"), "and the loads it has");
        assertTrue(result.output().contains("3 points only in sample"), "the unmatched points are listed");
        JsonNode manifest = PlotScript.manifest(run);
        JsonNode latency = figure(manifest, "latency-percentiles");
        assertEquals(0, count(latency, "line", "measured", "reference"), "no reference line at another load");
        assertEquals(6, count(latency, "line", "measured", "sample"));
        assertFalse(latency.get("notes").isEmpty(), "the figure's note is in the manifest (and the report)");
        JsonNode idle = figure(manifest, "idle-cost");
        assertEquals(3, count(idle, "bar", "measured", "reference"), "the idle points that match are compared");
        assertEquals(3, manifest.get("onlyIn").get("sample").size());
    }

    @Test
    void networkProfilesAndNewTransportsGetPanelsAndTheRttFigure() throws Exception {
        Path run = PlotScript.copy(PlotScript.SAMPLE, dir.resolve("profiles"));
        withNetworkProfilesAndSse(run.resolve("summary.csv"));
        JsonNode manifest = plot.plot(run);

        JsonNode rtt = figure(manifest, "latency-vs-rtt");
        assertFalse(rtt.get("skipped").asBoolean(), "two RTT values: the figure is drawn");
        assertEquals(Set.of("short-polling", "long-polling", "websocket", "sse"), set(rtt.get("transports")));
        assertEquals(4 * 2, count(rtt, "line", "measured", null), "p50 and p99 per transport");
        JsonNode latency = figure(manifest, "latency-percentiles");
        assertEquals(List.of("netty · loopback network (RTT 0 ms)", "netty · wan network (RTT 40 ms)"),
                names(latency.get("panels")), "a panel per network profile");
        for (String name : List.of("latency-percentiles", "bytes-per-delivery", "idle-cost", "model-vs-measured")) {
            assertTrue(set(figure(manifest, name).get("transports")).contains("sse"), name + " shows SSE");
        }
    }

    @Test
    void theReferenceNetworkSweepDrawsEachTransportAgainstRtt() throws Exception {
        Path run = PlotScript.copy(PlotScript.NETWORK, dir.resolve("network"));
        JsonNode manifest = plot.plot(run);

        JsonNode rtt = figure(manifest, "latency-vs-rtt");
        assertFalse(rtt.get("skipped").asBoolean());
        assertEquals(List.of("netty"), names(rtt.get("panels")), "one panel: a profile's bandwidths go with its RTT");
        assertEquals(4 * 2, count(rtt, "line", "measured", null), "p50 and p99 per transport");
        JsonNode first = figure(manifest, "first-message-vs-rtt");
        assertFalse(first.get("skipped").asBoolean());
        assertEquals(List.of("netty · tls=off", "netty · tls=on"), names(first.get("panels")), "a panel per tls");
        assertEquals(2 * 4 * 2, count(first, "line", "measured", null), "p50 and p99 per transport and panel");
    }

    /** Each row twice, on a loopback and a 40 ms network, and the WebSocket rows again as SSE. */
    private static void withNetworkProfilesAndSse(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> out = new ArrayList<>(List.of(lines.get(0) + ",network,rttMs"));
        for (String row : lines.subList(1, lines.size())) {
            List<String> rows = row.startsWith("FanOut,websocket,") || row.startsWith("IdleCost,websocket,")
                    ? List.of(row, row.replaceFirst(",websocket,", ",SSE,")) : List.of(row);
            for (String r : rows) {
                out.add(r + ",loopback,0");
                out.add(r + ",wan,40");
            }
        }
        Files.write(csv, out);
    }

    private static Set<String> transportsOf(Path run) throws IOException {
        Set<String> transports = new TreeSet<>();
        List<String> rows = Files.readAllLines(run.resolve("summary.csv"));
        for (String row : rows.subList(1, rows.size())) {
            transports.add(row.split(",")[1]);
        }
        return transports;
    }

    static JsonNode figure(JsonNode manifest, String name) {
        for (JsonNode f : manifest.get("figures")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + name + " in the manifest");
    }

    /** Items of a kind and source a figure drew, of one side (null: all sides). */
    private static int count(JsonNode figure, String kind, String source, String side) {
        int n = 0;
        for (JsonNode item : figure.get("items")) {
            if (item.get("kind").asText().equals(kind) && item.get("source").asText().equals(source)
                    && (side == null || item.get("side").asText().equals(side))) {
                n++;
            }
        }
        return n;
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.isTextual() ? n.asText() : n.get("name").asText()).toList();
    }

    private static Set<String> set(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
