package org.pushbench.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table, its numbers right-aligned, empty cells for figures a run did not produce. */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(Object... cells) {
        List<String> text = new ArrayList<>();
        for (Object c : cells) {
            text.add(format(c));
        }
        rows.add(text);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table without the columns no row has a value in (a figure no run of this table produced). */
    String render() {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            int column = c;
            if (c == 0 || rows.stream().anyMatch(r -> !r.get(column).isEmpty())) {
                kept.add(c);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", pick(header, kept))).append(" |\n");
        out.append("| :--- |").append(" ---: |".repeat(kept.size() - 1)).append('\n');
        for (List<String> r : rows) {
            out.append("| ").append(String.join(" | ", pick(r, kept))).append(" |\n");
        }
        return out.toString();
    }

    private static List<String> pick(List<String> cells, List<Integer> kept) {
        return kept.stream().map(cells::get).toList();
    }

    /** Numbers with three significant figures at most, thousands separated; null as an empty cell. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            double abs = Math.abs(d);
            if (abs >= 100 || d == Math.rint(d)) {
                return String.format(Locale.ROOT, "%,.0f", d);
            }
            return String.format(Locale.ROOT, abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f", d);
        }
        return value.toString();
    }
}
