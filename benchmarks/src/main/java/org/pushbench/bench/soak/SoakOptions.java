package org.pushbench.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pushbench.server.Engine;

/**
 * The soak's command line. Every flag has a default; {@link #parse} refuses unknown flags and bad values with a
 * one-line reason.
 *
 * @param duration     how long the load runs after the warm-up
 * @param warmup       load before the start figures are read, so JIT, pools and the store's rooms have settled
 * @param engine       the server library
 * @param clients      members per transport
 * @param rate         messages per second into each transport's room
 * @param churnEvery   how often members vanish and newcomers join
 * @param churnPercent the share of each transport's members replaced each time (at least one)
 * @param out          a directory for soak.txt and soak.json; null for none
 */
public record SoakOptions(Duration duration, Duration warmup, Engine engine, int clients, int rate,
        Duration churnEvery, int churnPercent, Path out) {

    public static final String USAGE = """
            Usage: scripts/soak.sh [flags]
            Runs one chat server with all three transports under a mixed load with churn, then checks delivery,
            memory, threads and clean-up (see org.pushbench.bench.soak.Soak).

              --duration DURATION     load after the warm-up (default 10m)
              --warmup DURATION       load before the start figures are read (default 15s)
              --engine netty|jetty    server library (default netty)
              --clients N             members per transport (default 200)
              --rate N                messages per second into each transport's room (default 20)
              --churn-every DURATION  how often members vanish and newcomers join (default 2s)
              --churn-percent N       share of each transport's members replaced each time (default 5)
              --out DIR               also write DIR/soak.txt and DIR/soak.json
              --help                  this text

            DURATION is an integer with a unit: 500ms, 30s, 10m, 1h.
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    public SoakOptions {
        if (clients < 2 || rate < 1 || churnPercent < 0 || churnPercent >= 100 || duration.isZero()
                || churnEvery.isZero()) {
            throw new IllegalArgumentException("bad soak options: " + this);
        }
    }

    public static SoakOptions defaults() {
        return new SoakOptions(Duration.ofMinutes(10), Duration.ofSeconds(15), Engine.NETTY, 200, 20,
                Duration.ofSeconds(2), 5, null);
    }

    /** Members each transport replaces per churn round: the share asked for, at least one, never all. */
    public int churnPerRound() {
        return churnPercent == 0 ? 0 : Math.min(clients - 1, Math.max(1, clients * churnPercent / 100));
    }

    /** Parses the flags; null for {@code --help}; throws IllegalArgumentException with a reason on a bad one. */
    public static SoakOptions parse(String... args) {
        SoakOptions d = defaults();
        Duration duration = d.duration;
        Duration warmup = d.warmup;
        Engine engine = d.engine;
        int clients = d.clients;
        int rate = d.rate;
        Duration churnEvery = d.churnEvery;
        int churnPercent = d.churnPercent;
        Path out = d.out;
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (flag.equals("--help")) {
                return null;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value (see --help)");
            }
            String value = rest.remove(0);
            switch (flag) {
                case "--duration" -> duration = duration(value);
                case "--warmup" -> warmup = duration(value);
                case "--engine" -> engine = Engine.parse(value);
                case "--clients" -> clients = integer(flag, value);
                case "--rate" -> rate = integer(flag, value);
                case "--churn-every" -> churnEvery = duration(value);
                case "--churn-percent" -> churnPercent = integer(flag, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag + " (see --help)");
            }
        }
        return new SoakOptions(duration, warmup, engine, clients, rate, churnEvery, churnPercent, out);
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration \"" + text + "\"; expected e.g. 30s or 10m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, not \"" + value + "\"");
        }
    }
}
