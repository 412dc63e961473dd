package org.pushbench.bench.fleet;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.pushbench.bench.client.ClientLoop;
import org.pushbench.bench.load.LocalMembers;
import org.pushbench.bench.load.Members;
import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.bench.meter.SendLog;

/**
 * A member process: one share of a run's members in a JVM of its own (its own 20,000 open files), driven by the
 * coordinating process ({@link MemberProcess}) over stdin and answering on stdout, one line each
 * ({@link MemberProtocol}). It times deliveries itself, against the schedule and send times the coordinator
 * passes on: {@link System#nanoTime()} is the machine's monotonic clock, the same in every process here, which
 * the coordinator checks before it trusts it. Anything else this process prints goes to stderr.
 */
public final class MemberProcessMain {

    private static final long PROGRESS_MILLIS = 10;

    private final PrintStream out;
    private final LocalMembers members;
    private volatile boolean closed;

    private MemberProcessMain(PrintStream out, LocalMembers members) {
        this.out = out;
        this.members = members;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        MemberProtocol.Assignment job = MemberProtocol.Assignment.parse(args);
        try (ClientLoop loop = new ClientLoop(0, job.sourceAddress());
                LocalMembers members = new LocalMembers(job.spec(), job.members(), job.target(), loop)) {
            new MemberProcessMain(out, members).serve(new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8)));
        }
        System.exit(0);
    }

    private void serve(BufferedReader in) throws Exception {
        Thread progress = new Thread(this::reportProgress, "pushbench-member-progress");
        progress.setDaemon(true);
        progress.start();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] w = line.split(" ");
            switch (w[0]) {
                case MemberProtocol.CLOCK -> reply(MemberProtocol.CLOCK, Long.toString(System.nanoTime()));
                case MemberProtocol.CONNECT -> connect(Duration.ofMillis(Long.parseLong(w[1])));
                case MemberProtocol.SCHEDULE -> members.follow(new SendLog(Long.parseLong(w[1]), Long.parseLong(w[2])));
                case MemberProtocol.SENT -> sent(Long.parseLong(w[1]), Long.parseLong(w[2]));
                case MemberProtocol.READ -> reply(MemberProtocol.READ, MemberProtocol.format(members.read()));
                case MemberProtocol.REACHED -> reply(MemberProtocol.REACHED,
                        Boolean.toString(members.allReached(Long.parseLong(w[1]))));
                case MemberProtocol.VERIFY -> verify(Long.parseLong(w[1]));
                case MemberProtocol.CLOSE -> {
                    closed = true;
                    members.close();
                    reply(MemberProtocol.CLOSE, "");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown command: " + line);
            }
        }
        closed = true; // the coordinator went away: close the members and exit
    }

    private void connect(Duration timeout) {
        try {
            members.connect(timeout);
            reply(MemberProtocol.CONNECT, "ok");
        } catch (Exception e) {
            reply(MemberProtocol.CONNECT, MemberProtocol.FAILED + " " + oneLine(e));
        }
    }

    private void sent(long stamp, long nanos) {
        members.meters().sendLog().sent(stamp, nanos);
        members.meters().sendTimesArrived();
    }

    private void verify(long lastId) {
        try {
            members.verify(lastId);
            reply(MemberProtocol.VERIFY, "ok");
        } catch (DeliveryCheck.DeliveryFailure e) {
            reply(MemberProtocol.VERIFY, MemberProtocol.LOST + " " + oneLine(e));
        } catch (RuntimeException e) {
            reply(MemberProtocol.VERIFY, MemberProtocol.FAILED + " " + oneLine(e));
        }
    }

    private static String oneLine(Throwable e) {
        String causes = Arrays.stream(new Throwable[] {e, e.getCause()}).filter(t -> t != null)
                .map(String::valueOf).collect(Collectors.joining(" <- "));
        return causes.replace('\n', ' ');
    }

    private void reportProgress() {
        while (!closed) {
            reply(MemberProtocol.PROGRESS, members.deliveries() + " " + members.wireBytes());
            try {
                Thread.sleep(PROGRESS_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void reply(String word, String rest) {
        synchronized (out) {
            out.println(MemberProtocol.REPLY + word + " " + rest);
            out.flush();
        }
    }
}
