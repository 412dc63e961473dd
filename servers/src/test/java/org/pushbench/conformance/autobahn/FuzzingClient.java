package org.pushbench.conformance.autobahn;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Autobahn|Testsuite's fuzzing client, its Python sources (shipped in the suite's Maven plugin) run by Jython in a
 * child JVM: Twisted's reactor runs once per process, and a child can be killed when it overruns its time. One run
 * tests every server given, one after the other (Jython takes ~10 s to import the suite, so once), and writes the
 * suite's own reports (index.json, index.html, one file per case and server) to the given directory.
 */
final class FuzzingClient {

    private static final String RUN = "import json, sys\n"
            + "from autobahntestsuite import wstest\n"
            + "wstest.start({'mode': 'fuzzingclient'}, json.load(open(sys.argv[1])))\n";

    private final Path reports;
    private final Duration bound;

    /** @param bound the longest one run may take before it is killed */
    FuzzingClient(Path reports, Duration bound) {
        this.reports = reports;
        this.bound = bound;
    }

    /**
     * Runs the cases against one server, and once more if the client itself crashed (exited with an error or
     * wrote no report): the suite's Python on Jython is the one part under test that is not ours.
     *
     * @param servers each server's URL by its name in the reports
     * @return the suite's report of each server
     */
    Map<String, Report> run(Map<String, String> servers, List<String> cases) throws Exception {
        Path spec = writeSpec(servers, cases);
        Path log = reports.resolve("client.log");
        if (!runOnce(spec, log)) {
            Files.move(log, reports.resolve("client-crashed.log"));
            if (!runOnce(spec, log)) {
                throw new AssertionError("Autobahn's fuzzing client crashed twice; its output: " + log);
            }
        }
        Map<String, Report> results = new LinkedHashMap<>();
        for (String agent : servers.keySet()) {
            results.put(agent, Report.read(reports.resolve("index.json"), agent));
        }
        return results;
    }

    private Path writeSpec(Map<String, String> servers, List<String> cases) throws IOException {
        Files.createDirectories(reports);
        Path spec = reports.resolve("fuzzingclient.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(spec.toFile(), Map.of(
                "outdir", reports.toAbsolutePath().toString(),
                "servers", servers.entrySet().stream()
                        .map(s -> Map.of("agent", s.getKey(), "url", s.getValue())).toList(),
                "options", Map.of("failByDrop", false),
                "cases", cases,
                "exclude-cases", List.of(),
                "exclude-agent-cases", Map.of()));
        return spec;
    }

    private boolean runOnce(Path spec, Path log) throws Exception {
        Files.deleteIfExists(reports.resolve("index.json"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and no scan of the class path's Java packages: Jython's start and Twisted's import are most
        // of a short run.
        Process client = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dpython.cachedir.skip=true", "-cp", classPath(), "org.python.util.jython", "-c", RUN,
                spec.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!client.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            client.destroyForcibly().waitFor();
            throw new AssertionError("Autobahn's fuzzing client ran past " + bound + " (a case hung); see " + log);
        }
        return client.exitValue() == 0 && Files.isRegularFile(reports.resolve("index.json"));
    }

    /** Jython and the suite's sources, wherever the build resolved them. */
    private static String classPath() throws ClassNotFoundException, URISyntaxException {
        return jarOf("org.python.util.jython") + java.io.File.pathSeparator
                + jarOf("me.normanmaurer.maven.autobahntestsuite.AutobahnTestSuite");
    }

    private static Path jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        return Path.of(Class.forName(className, false, FuzzingClient.class.getClassLoader())
                .getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
