package org.pushbench.conformance.autobahn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The outcome of every case of one run, as the suite's index.json gives it. */
record Report(String agent, Map<String, Outcome> cases) {

    /** What the suite accepts of a server: RFC 6455's requirements met, or the case only reports. */
    static final Set<String> PASSING = Set.of("OK", "NON-STRICT", "INFORMATIONAL");
    /** Closing behaviours that pass: the close code expected, or one the case only reports. */
    static final Set<String> PASSING_CLOSE = Set.of("OK", "INFORMATIONAL");

    /** One case: its behaviour, its closing behaviour and the close code the server sent (null if none). */
    record Outcome(String behavior, String behaviorClose, Integer remoteCloseCode) {

        boolean passed() {
            return PASSING.contains(behavior) && PASSING_CLOSE.contains(behaviorClose);
        }
    }

    static Report read(Path indexJson, String agent) throws IOException {
        JsonNode all = new ObjectMapper().readTree(indexJson.toFile()).path(agent);
        Map<String, Outcome> cases = new TreeMap<>(Report::byCaseNumber);
        all.fields().forEachRemaining(e -> cases.put(e.getKey(), new Outcome(e.getValue().path("behavior").asText(),
                e.getValue().path("behaviorClose").asText(),
                e.getValue().path("remoteCloseCode").isNull() ? null : e.getValue().path("remoteCloseCode").asInt())));
        return new Report(agent, cases);
    }

    long count(String behavior) {
        return cases.values().stream().filter(o -> o.passed() && o.behavior().equals(behavior)).count();
    }

    List<String> failures() {
        List<String> failed = new ArrayList<>();
        cases.forEach((id, o) -> {
            if (!o.passed()) {
                failed.add(id + " " + o);
            }
        });
        return failed;
    }

    List<String> withBehavior(String behavior) {
        return cases.entrySet().stream().filter(e -> e.getValue().behavior().equals(behavior))
                .map(Map.Entry::getKey).toList();
    }

    /** One line of the published table. */
    String summary() {
        return String.format("%s: %d cases, %d OK, %d NON-STRICT %s, %d INFORMATIONAL %s, %d failed", agent,
                cases.size(), count("OK"), count("NON-STRICT"), withBehavior("NON-STRICT"), count("INFORMATIONAL"),
                withBehavior("INFORMATIONAL"), failures().size());
    }

    /** 1.1.10 after 1.1.9, as the suite numbers them. */
    private static int byCaseNumber(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
