package org.pushbench.bench.load;

import static org.pushbench.bench.load.ServerSnapshot.ABSENT;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;


/**
 * A local server's figures from {@code /proc/<pid>}, for a server that has no admin port: its CPU time and resident
 * memory (its OS threads and open sockets come from {@link ServerUnderTest}). Connections, held requests, heap and
 * the JVM's threads are beyond what the OS says, so they are absent.
 */
final class ProcessProbe implements ServerProbe {

    /** {@code /proc/<pid>/stat} counts CPU in USER_HZ ticks: 100 a second on Linux's x86-64 and arm64. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long pid;

    ProcessProbe(long pid) {
        this.pid = pid;
    }

    /** The OS keeps no counters to reset: the window takes differences. */
    @Override
    public void reset() {
    }

    /** The process's figures, the same for every transport: the OS cannot tell the transports apart. */
    @Override
    public ServerReading read(boolean gcFirst) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // After "pid (command) ": state is field 3, utime field 14 and stime field 15 (proc(5)).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        ServerSnapshot process = new ServerSnapshot(ABSENT, ABSENT, (int) ABSENT, cpu, residentBytes(), ABSENT, ABSENT,
                ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT);
        return ServerReading.each(t -> process);
    }

    /**
     * The OS threads of process {@code pid} ({@code /proc/<pid>/task}: for a JVM its threads plus the GC, JIT and
     * other native ones the JVM's own count leaves out), or -1 when there is no such process here.
     */
    static int threads(long pid) {
        String[] tasks = pid < 0 ? null : new File("/proc/" + pid + "/task").list();
        return tasks == null ? -1 : tasks.length;
    }

    /** The sockets process {@code pid} holds open ({@code /proc/<pid>/fd}, listening ones too), or -1. */
    static int sockets(long pid) {
        File[] fds = pid < 0 ? null : new File("/proc/" + pid + "/fd").listFiles();
        if (fds == null) {
            return -1;
        }
        int sockets = 0;
        for (File fd : fds) {
            try {
                sockets += Files.readSymbolicLink(fd.toPath()).toString().startsWith("socket:") ? 1 : 0;
            } catch (IOException closedMeanwhile) {
                // an fd closed between listing and reading is not open
            }
        }
        return sockets;
    }

    private long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return ABSENT;
    }
}
