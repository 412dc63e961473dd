package org.pushbench.server;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What the whole server process costs, read from inside it: heap, direct memory, threads, CPU time and
 * resident memory. Taken between benchmark iterations from the admin port, never from the client side.
 *
 * @param heapUsedBytes      heap in use (after a full GC when the snapshot was asked with {@code gc})
 * @param directBufferBytes  the JVM's direct buffer pool (NIO buffers, Jetty's pools)
 * @param nettyDirectBytes   direct memory Netty allocated outside that pool (-1 when Netty does not track it)
 * @param liveThreads        live JVM threads
 * @param cpuTimeNanos       CPU time used by the process since it started, all threads
 * @param residentBytes      resident set size from /proc/self/status (-1 where there is no /proc)
 * @param uptimeMillis       milliseconds since the JVM started
 * @param availableProcessors what the JVM sees
 */
public record ProcessMetrics(
        long heapUsedBytes,
        long directBufferBytes,
        long nettyDirectBytes,
        int liveThreads,
        long cpuTimeNanos,
        long residentBytes,
        long uptimeMillis,
        int availableProcessors) {

    /** @param nettyDirect the direct memory Netty tracks itself (the admin port runs on Netty), or -1 */
    public static ProcessMetrics read(boolean gcFirst, LongSupplier nettyDirect) {
        if (gcFirst) {
            System.gc();
        }
        var memory = ManagementFactory.getMemoryMXBean();
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct = pool.getMemoryUsed();
            }
        }
        long cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime();
        }
        return new ProcessMetrics(memory.getHeapMemoryUsage().getUsed(), direct,
                nettyDirect.getAsLong(), ManagementFactory.getThreadMXBean().getThreadCount(), cpu,
                readResidentBytes(), ManagementFactory.getRuntimeMXBean().getUptime(),
                Runtime.getRuntime().availableProcessors());
    }

    private static long readResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
