package org.pushbench.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Wireshark's {@code tshark} capturing loopback, one line per packet, read as it comes; no code shared with
 * pushbench's meters. Marker datagrams sent to a port of its own cut the capture at moments the test chooses:
 * everything captured before marker {@code k} was on the wire before {@link #mark(int)} returned, so a test that
 * sends one where nothing moves knows exactly which segments its counters saw.
 */
final class LoopbackCapture implements AutoCloseable {

    /** The fields each line carries, tab-separated; empty where a packet has no such field. */
    private static final List<String> FIELDS = List.of("ip.src", "tcp.srcport", "ip.dst", "tcp.dstport", "tcp.len",
            "tcp.flags.syn", "tcp.flags.ack", "udp.length", "tcp.seq");
    private static final int PROBE = 0;
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * One captured packet: a TCP segment (the payload bytes it brought that its flow had not carried before, the
     * bytes it carried again, and whether it is a first SYN) or a marker (its number, else -1).
     */
    record Packet(String srcHost, int srcPort, String dstHost, int dstPort, long payload, long resent,
            boolean opensConnection, int marker) {
    }

    private final Process tshark;
    private final Path errors;
    private final DatagramSocket markers;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<Packet> seen = new ArrayList<>();
    /** Per flow, the end of the highest sequence range seen: a retransmission carries no new byte. */
    private final Map<String, Long> flowEnds = new HashMap<>();

    /** Captures TCP segments to or from {@code tcpPorts}, and the markers; returns once packets are being seen. */
    LoopbackCapture(Collection<Integer> tcpPorts) throws IOException, InterruptedException {
        markers = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        String filter = tcpPorts.stream().map(p -> "tcp port " + p).collect(Collectors.joining(" or "))
                + " or udp dst port " + markers.getLocalPort();
        List<String> command = new ArrayList<>(List.of("tshark", "-i", "lo", "-n", "-l", "-T", "fields",
                "-E", "separator=/t", "-f", filter));
        FIELDS.forEach(f -> command.addAll(List.of("-e", f)));
        errors = Files.createTempFile("tshark", ".log");
        tshark = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        Thread reader = new Thread(this::readLines, "tshark-lines");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (true) {
            send(PROBE);
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && parse(line).marker() == PROBE) {
                return; // tshark starts slowly; probes before this one may or may not have been seen
            }
            if (System.nanoTime() > deadline || !tshark.isAlive()) {
                String said = Files.readString(errors);
                close();
                throw new IOException("tshark did not start capturing within a minute: " + said);
            }
        }
    }

    /** Whether tshark is on the PATH. */
    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "tshark"))) {
                return true;
            }
        }
        return false;
    }

    /** Sends marker {@code k} (1 to 1,000); it reaches the capture after every packet sent before this call. */
    void mark(int k) throws IOException {
        send(k);
    }

    /**
     * Every TCP segment captured after marker {@code from} and before marker {@code to} (both sent through
     * {@link #mark}); waits for {@code to} to come through.
     */
    List<Packet> between(int from, int to) throws InterruptedException {
        while (seen.stream().noneMatch(p -> p.marker() == to)) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("marker " + to + " never reached the capture");
            }
            seen.add(parse(line));
        }
        List<Packet> segments = new ArrayList<>();
        boolean open = false;
        for (Packet p : seen) {
            if (p.marker() == to) {
                return segments;
            }
            if (open && p.marker() < 0) {
                segments.add(p);
            }
            open |= p.marker() == from;
        }
        throw new AssertionError("marker " + from + " missing from the capture");
    }

    /**
     * A line of tshark's, as a packet. A segment counts only the bytes past what its flow carried already: on a
     * busy machine TCP's tail loss probe resends the last segment when an ACK is slow, and each byte reaches the
     * socket once.
     */
    private Packet parse(String line) {
        String[] f = line.split("\t", -1);
        if (!f[7].isEmpty()) {
            return new Packet(f[0], -1, f[2], -1, 0, 0, false, Integer.parseInt(f[7]) - 8 - 1);
        }
        String flow = f[0] + ":" + f[1] + ">" + f[2] + ":" + f[3];
        long seq = Long.parseLong(f[8]);
        long end = seq + Long.parseLong(f[4]);
        long carried = flowEnds.getOrDefault(flow, seq);
        flowEnds.put(flow, Math.max(carried, end));
        long fresh = Math.max(0, end - Math.max(seq, carried));
        return new Packet(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), fresh, end - seq - fresh,
                f[5].equals("1") && f[6].equals("0"), -1);
    }

    private void send(int marker) throws IOException {
        byte[] payload = new byte[marker + 1];
        markers.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(),
                markers.getLocalPort()));
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tshark.getInputStream(),
                StandardCharsets.US_ASCII))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // tshark stopped: the lines read so far stay queued
        }
    }

    /** Stops tshark and its dumpcap, which this capture started, and nothing else. */
    @Override
    public void close() throws InterruptedException, IOException {
        List<ProcessHandle> children = tshark.descendants().toList();
        tshark.destroy();
        if (!tshark.waitFor(10, TimeUnit.SECONDS)) {
            tshark.destroyForcibly().waitFor();
        }
        children.forEach(ProcessHandle::destroy);
        markers.close();
        Files.deleteIfExists(errors);
    }
}
