package org.pushbench.bench.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The main class of benchmarks.jar: JMH's own command line ({@code org.openjdk.jmh.Main}), except that a
 * benchmark that fails stops the run and exits 1 unless {@code -foe false} is given. JMH alone defaults to going
 * on and exiting 0, and a failed measurement must not look like a result.
 */
public final class BenchmarksMain {

    /** Printed after JMH's {@code -h}, whose text gives JMH's own default. */
    static final String HELP_NOTE = """

            pushbench: -foe defaults to true here: a failing benchmark stops the run and exits 1.
            Give -foe false to carry on past failures (the run then exits 0 whatever failed).
            """;

    private static final Set<String> HELP = Set.of("-h", "-help", "--help");

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(withFailOnError(args));
        if (Arrays.stream(args).anyMatch(HELP::contains)) {
            System.out.print(HELP_NOTE);
        }
    }

    /** {@code args} with {@code -foe true} in front, unless they set {@code -foe} themselves. */
    static String[] withFailOnError(String... args) {
        if (Arrays.asList(args).contains("-foe")) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of("-foe", "true"));
        all.addAll(Arrays.asList(args));
        return all.toArray(String[]::new);
    }
}
