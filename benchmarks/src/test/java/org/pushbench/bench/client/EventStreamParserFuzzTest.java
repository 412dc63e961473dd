package org.pushbench.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;

/**
 * Coverage-guided fuzzing of the harness's event-stream parser (SSE members): whatever a server streams, the parser
 * never throws, hears the same events, comments and retries however the stream is cut into reads (a TCP read may
 * end anywhere, even between a CR and its LF), and never accounts for more bytes than it was fed. Seeds:
 * src/test/resources/org/pushbench/bench/client/EventStreamParserFuzzTestInputs.
 */
class EventStreamParserFuzzTest {

    @FuzzTest
    void aStreamParsesTheSameHoweverItIsCutAndNoByteIsCountedTwice(FuzzedDataProvider input) {
        int cut = input.consumeInt(0, 1 << 16);
        byte[] stream = input.consumeRemainingAsBytes();
        cut = Math.min(cut, stream.length);

        Recorder whole = new Recorder();
        new EventStreamParser(whole, null).feed(Unpooled.wrappedBuffer(stream));
        Recorder pieces = new Recorder();
        EventStreamParser parser = new EventStreamParser(pieces, null);
        parser.feed(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, 0, cut)));
        parser.feed(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, cut, stream.length)));

        assertEquals(whole.calls, pieces.calls, "cut at " + cut + " of " + stream.length);
        assertTrue(whole.bytes <= stream.length, whole.bytes + " B accounted of " + stream.length);
    }

    /** Every call the parser makes, in order, and the bytes it accounted for. */
    private static final class Recorder implements EventStreamParser.Listener {
        final List<String> calls = new ArrayList<>();
        long bytes;

        @Override
        public void event(String type, byte[] data, String lastEventId, long framingBytes) {
            calls.add("event " + type + " " + Arrays.toString(data) + " " + lastEventId + " " + framingBytes);
            bytes += data.length + framingBytes;
        }

        @Override
        public void comment(long commentBytes) {
            calls.add("comment " + commentBytes);
            bytes += commentBytes;
        }

        @Override
        public void retry(long millis) {
            calls.add("retry " + millis);
        }

        @Override
        public void emptyBlock(long blockBytes) {
            calls.add("empty " + blockBytes);
            bytes += blockBytes;
        }
    }
}
