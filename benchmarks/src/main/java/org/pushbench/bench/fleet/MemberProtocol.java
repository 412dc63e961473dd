package org.pushbench.bench.fleet;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.pushbench.bench.client.ClientTarget;
import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.load.LoadSpec;
import org.pushbench.bench.load.Members;
import org.pushbench.bench.meter.LatencyRecorder;
import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.bench.meter.WireMeter;
import org.pushbench.server.Transport;

/**
 * The lines a coordinator and its member processes exchange. Commands go to a member process's stdin, one a line:
 * {@code clock}, {@code connect <timeoutMillis>}, {@code schedule <originNanos> <periodNanos>},
 * {@code sent <stamp> <nanoTime>} (no answer), {@code read}, {@code reached <lastId>}, {@code verify <lastId>},
 * {@code close}. Answers come on its stdout as {@code member <command> ...}; {@code member progress
 * <deliveries> <wireBytes>} comes unasked every few milliseconds.
 */
final class MemberProtocol {

    static final String REPLY = "member ";
    static final String CLOCK = "clock";
    static final String CONNECT = "connect";
    static final String SCHEDULE = "schedule";
    static final String SENT = "sent";
    static final String READ = "read";
    static final String REACHED = "reached";
    static final String VERIFY = "verify";
    static final String CLOSE = "close";
    static final String PROGRESS = "progress";
    /** Answer words: the delivery check failed; anything else failed. */
    static final String LOST = "lost";
    static final String FAILED = "failed";

    private MemberProtocol() {
    }

    /** What one member process runs: its share of the load, where it connects, the address it binds to. */
    record Assignment(LoadSpec spec, int members, ClientTarget target, String sourceAddress) {

        List<String> args() {
            InetSocketAddress route = target.route();
            return List.of(spec.transport().id(), Integer.toString(spec.clients()),
                    Integer.toString(spec.ratePerSecond()), Integer.toString(spec.payloadBytes()),
                    Long.toString(spec.pollIntervalMillis()), Long.toString(spec.waitMillis()), spec.headers().name(),
                    spec.room(), Integer.toString(members), target.host(), Integer.toString(target.port()),
                    route == null ? "-" : route.getHostString() + ":" + route.getPort(),
                    sourceAddress == null ? "-" : sourceAddress);
        }

        static Assignment parse(String[] a) {
            HeaderProfile headers = HeaderProfile.valueOf(a[6]);
            LoadSpec spec = new LoadSpec(Transport.parse(a[0]), Integer.parseInt(a[1]), Integer.parseInt(a[2]),
                    Integer.parseInt(a[3]), Long.parseLong(a[4]), Long.parseLong(a[5]), headers, a[7]);
            ClientTarget target = new ClientTarget(a[9], Integer.parseInt(a[10]), spec.room(), headers);
            if (!a[11].equals("-")) {
                int colon = a[11].lastIndexOf(':');
                target = target.via(new InetSocketAddress(a[11].substring(0, colon),
                        Integer.parseInt(a[11].substring(colon + 1))));
            }
            return new Assignment(spec, Integer.parseInt(a[8]), target, a[12].equals("-") ? null : a[12]);
        }
    }

    /** A reading as one line: counts, socket bytes, bytes per category, both histograms. */
    static String format(Members.Reading r) {
        RecipientMeters.Counts c = r.counts();
        StringBuilder line = new StringBuilder().append(c.deliveries()).append(' ').append(c.requests()).append(' ')
                .append(c.emptyResponses()).append(' ').append(c.errors()).append(' ').append(r.wire().read())
                .append(' ').append(r.wire().written());
        for (long b : r.wire().byCategory()) {
            line.append(' ').append(b);
        }
        return line.append(' ').append(HistogramText.encode(r.latency().corrected())).append(' ')
                .append(HistogramText.encode(r.latency().uncorrected())).toString();
    }

    static Members.Reading parseReading(String text) {
        String[] w = text.split(" ");
        long[] n = Arrays.stream(w, 0, w.length - 2).mapToLong(Long::parseLong).toArray();
        RecipientMeters.Counts counts = new RecipientMeters.Counts(n[0], n[1], n[2], n[3]);
        WireMeter.Snapshot wire = new WireMeter.Snapshot(n[4], n[5], Arrays.copyOfRange(n, 6, n.length));
        List<Histogram> h = new ArrayList<>();
        for (String encoded : List.of(w[w.length - 2], w[w.length - 1])) {
            h.add(HistogramText.decode(encoded, LatencyRecorder.HIGHEST_MICROS));
        }
        return new Members.Reading(counts, wire, new LatencyRecorder.Window(h.get(0), h.get(1)));
    }
}
