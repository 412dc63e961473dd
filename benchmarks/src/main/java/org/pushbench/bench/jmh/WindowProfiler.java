package org.pushbench.bench.jmh;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import org.pushbench.bench.load.Figure;

/**
 * Puts each iteration's pushbench figures (latency percentiles, bytes per delivery and their split, requests per
 * delivery, server and client load) into JMH's secondary results, so {@code -rf json} carries them. Enable it
 * with {@code -prof org.pushbench.bench.jmh.WindowProfiler}; scripts/run-benchmarks.sh always does.
 */
public final class WindowProfiler implements InternalProfiler {

    private static volatile List<Figure> latest = List.of();

    /** Called by a trial as its iteration ends, in the same JVM, before {@link #afterIteration}. */
    static void publish(List<Figure> figures) {
        latest = List.copyOf(figures);
    }

    @Override
    public String getDescription() {
        return "pushbench figures per iteration: latency, bytes on the wire, server and client load";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        latest = List.of();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        return latest.stream().map(WindowProfiler::toResult).toList();
    }

    /**
     * Maxima, peaks and flags aggregate as the largest iteration's (one window below the offered rate flags the
     * run); everything else as the mean over iterations.
     */
    private static Result toResult(Figure f) {
        boolean peak = f.name().contains(".max.") || f.name().contains("peak") || f.name().contains("belowOffered");
        return new ScalarResult(f.name(), f.value(), f.unit(), peak ? AggregationPolicy.MAX : AggregationPolicy.AVG);
    }
}
