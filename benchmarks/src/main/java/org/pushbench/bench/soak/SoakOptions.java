package org.pushbench.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pushbench.server.Engine;

/** The soak's command line; every flag has a default. */
record SoakOptions(Duration duration, Engine engine, int clients, int rate, Path out) {

    static final String USAGE = """
            Usage: scripts/soak.sh [--duration 10m] [--engine netty|jetty] [--clients 200] [--rate 10] [--out DIR]
              --duration   how long the load and the faults run (30s, 10m, ...; default 10m)
              --engine     server library (default netty)
              --clients    members per transport, each transport in a room of its own (default 200)
              --rate       messages a second sent into each room (default 10)
              --out DIR    also write the report to DIR/soak.txt
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(s|m|h)");

    static SoakOptions parse(String... args) {
        Duration duration = Duration.ofMinutes(10);
        Engine engine = Engine.NETTY;
        int clients = 200;
        int rate = 10;
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--duration" -> duration = duration(value);
                case "--engine" -> engine = Engine.parse(value);
                case "--clients" -> clients = positive("--clients", value);
                case "--rate" -> rate = positive("--rate", value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        return new SoakOptions(duration, engine, clients, rate, out);
    }

    private static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("--duration must be a number with s, m or h: " + value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a positive integer: " + value);
    }
}
