package org.pushbench.bench.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's side of one member process ({@link MemberProcessMain}): a JVM started from this process's
 * class path, commands written to its stdin, its answers read from its stdout; its stderr is ours.
 */
final class MemberProcess implements AutoCloseable {

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Object calls = new Object();
    private volatile long deliveries;
    private volatile long wireBytes;

    private MemberProcess(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "pushbench-member-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a member process with a heap of {@code heap} (e.g. {@code 1g}) that runs {@code job}. */
    static MemberProcess start(MemberProtocol.Assignment job, String heap) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms" + heap, "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), MemberProcessMain.class.getName()));
        command.addAll(job.args());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // A run stopped with Ctrl-C (or JMH ending its fork) takes its member processes along.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "pushbench-member-stop"));
        return new MemberProcess(process);
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(MemberProtocol.REPLY + MemberProtocol.PROGRESS + " ")) {
                    String[] w = line.split(" ");
                    deliveries = Long.parseLong(w[2]);
                    wireBytes = Long.parseLong(w[3]);
                } else if (line.startsWith(MemberProtocol.REPLY)) {
                    answers.add(line.substring(MemberProtocol.REPLY.length()));
                } else {
                    System.out.println("[members " + process.pid() + "] " + line);
                }
            }
        } catch (IOException e) {
            // the process ended; a pending call times out and says so
        }
    }

    /** Sends a command that has no answer. */
    void tell(String command) {
        synchronized (in) {
            try {
                in.write(command);
                in.write('\n');
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("member process " + process.pid() + " is gone", e);
            }
        }
    }

    /** Sends {@code command} and returns what follows its word in the answer. */
    String call(String command, Duration timeout) {
        synchronized (calls) {
            tell(command);
            return await(command.split(" ")[0], timeout);
        }
    }

    /** The answer to {@code word}, sent earlier by {@link #tell}; only for a process no one else calls. */
    String await(String word, Duration timeout) {
        try {
            String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new IllegalStateException("member process " + process.pid() + " did not answer " + word
                        + " within " + timeout + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
            }
            if (!answer.startsWith(word + " ")) {
                throw new IllegalStateException("member process " + process.pid() + " answered " + word
                        + " with: " + answer);
            }
            return answer.substring(word.length() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for member process " + process.pid(), e);
        }
    }

    long deliveries() {
        return deliveries;
    }

    long wireBytes() {
        return wireBytes;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                call(MemberProtocol.CLOSE, Duration.ofSeconds(30));
            }
        } catch (RuntimeException e) {
            System.out.println("[members " + process.pid() + "] did not close cleanly: " + e.getMessage());
        } finally {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
