package org.pushbench.bench.calibration;

import org.HdrHistogram.Histogram;

/**
 * One measured floor of a run's calibration.
 *
 * @param name                  {@code machine.pingPong}, {@code machine.idleWake}, {@code engine.netty}, ...
 * @param what                  what one sample is, for the reader
 * @param samples               how many samples the percentiles are of
 * @param p50Us                 median, microseconds
 * @param p99Us                 99th percentile, microseconds
 * @param meanUs                mean, microseconds
 * @param serverCpuNsPerDelivery the floor server's CPU per delivery (engine floors only, else NaN)
 * @param clientCpuNsPerDelivery the clients' CPU per delivery (engine floors only, else NaN)
 */
public record Floor(String name, String what, long samples, double p50Us, double p99Us, double meanUs,
        double serverCpuNsPerDelivery, double clientCpuNsPerDelivery) {

    /** A floor timed in nanoseconds, with no CPU figures. */
    static Floor ofNanos(String name, String what, Histogram nanos) {
        return new Floor(name, what, nanos.getTotalCount(), nanos.getValueAtPercentile(50) / 1e3,
                nanos.getValueAtPercentile(99) / 1e3, nanos.getMean() / 1e3, Double.NaN, Double.NaN);
    }

    /** A floor timed in microseconds (the harness's latency histograms), with its CPU figures. */
    static Floor ofMicros(String name, String what, Histogram micros, double serverCpu, double clientCpu) {
        return new Floor(name, what, micros.getTotalCount(), micros.getValueAtPercentile(50),
                micros.getValueAtPercentile(99), micros.getMean(), serverCpu, clientCpu);
    }

    public boolean isEngineFloor() {
        return name.startsWith("engine.");
    }
}
