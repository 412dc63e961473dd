package org.pushbench.transport.http;

import java.util.List;
import java.util.Map;

import org.pushbench.protocol.ChatJson;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.ReadResult;

/**
 * Turns a store read into its answer, at most {@code maxAnswerBytes} of body, and moves the metrics an answer
 * moves. One per server; thread-safe.
 */
public final class ReadAnswers {

    private final TransportMetrics metrics;
    private final int maxAnswerBytes;

    public ReadAnswers(TransportMetrics metrics, int maxAnswerBytes) {
        this.metrics = metrics;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * {@code 410} and the gap body for a reader behind the retention, else {@code 200} and the array of the read's
     * first messages that fit the cap: whole messages only, and at least one, so that a message larger than the
     * cap is still delivered. The client's next poll, after the last id it got, reads on from there.
     */
    public Answer of(RequestTarget target, ReadResult result) {
        if (result.gap()) {
            return Answer.of(410, ChatJson.gap(target.after(), result.oldestRetained()));
        }
        List<Message> messages = withinCap(result.messages(), maxAnswerBytes);
        if (messages.isEmpty()) {
            metrics.emptyResponse();
        } else {
            metrics.messagesDelivered(messages.size());
        }
        return new Answer(200, ChatJson.array(messages.size(), i -> messages.get(i).json()), Map.of(), false,
                messages.isEmpty());
    }

    /** The longest prefix whose JSON array ({@code [a,b,c]}) is at most {@code maxBytes}, or the first message. */
    static List<Message> withinCap(List<Message> messages, int maxBytes) {
        long arrayBytes = 1;
        for (int i = 0; i < messages.size(); i++) {
            arrayBytes += messages.get(i).size() + 1;
            if (arrayBytes > maxBytes && i > 0) {
                return messages.subList(0, i);
            }
        }
        return messages;
    }
}
