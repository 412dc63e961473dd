package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plot.py reads its figures by summary.csv's column names, which SummaryWriter defines: every column name the
 * plotting scripts quote is one SummaryWriter writes, so a renamed column cannot silently empty a figure.
 */
class PlotColumnsTest {

    /** A camelCase name in double quotes: how the scripts name a column ({@code num(row, "bytesPerDelivery")}). */
    private static final Pattern QUOTED_NAME = Pattern.compile("\"([a-z]+[A-Z][A-Za-z0-9]*)\"");
    /** The camelCase keys of plots/manifest.json, which plot.py writes itself. */
    private static final Set<String> MANIFEST_KEYS = Set.of("matchedOn", "onlyIn", "runDirectories");

    @TempDir
    Path dir;

    @Test
    void everyColumnThePlotsReadIsOneTheSummaryWrites() throws Exception {
        Path csv = dir.resolve("summary.csv");
        new SummaryWriter(List.of()).writeCsv(csv);
        Set<String> columns = Set.of(Files.readAllLines(csv).get(0).split(","));
        Set<String> read = new TreeSet<>();
        try (Stream<Path> scripts = Stream.concat(Stream.of(PlotScript.SCRIPT),
                Files.list(PlotScript.SCRIPT.resolveSibling("pushplot")).filter(p -> p.toString().endsWith(".py")))) {
            for (Path script : scripts.toList()) {
                Matcher m = QUOTED_NAME.matcher(Files.readString(script));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        read.removeAll(MANIFEST_KEYS);
        assertFalse(read.isEmpty(), "the scripts name columns");
        for (String name : read) {
            assertTrue(columns.contains(name), "plot.py reads column " + name + ", which summary.csv lacks: " + columns);
        }
    }
}
