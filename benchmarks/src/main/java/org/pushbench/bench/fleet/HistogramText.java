package org.pushbench.bench.fleet;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * A histogram on one line of text: HdrHistogram's own compressed encoding (the one its interval logs use) in
 * Base64, so a member process's latency samples reach the coordinator whole and merge with {@link Histogram#add}.
 */
final class HistogramText {

    private HistogramText() {
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(String text, long highestTrackable) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)),
                    highestTrackable);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + text, e);
        }
    }
}
