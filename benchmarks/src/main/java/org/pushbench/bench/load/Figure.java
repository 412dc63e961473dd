package org.pushbench.bench.load;

/** One measured figure of a window, under the name results files use ({@code latency.p99.us}). */
public record Figure(String name, double value, String unit) {
}
