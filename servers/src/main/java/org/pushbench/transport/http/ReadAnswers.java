package org.pushbench.transport.http;

import java.util.List;
import java.util.Map;

import org.pushbench.protocol.ChatJson;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.ReadResult;

/** Turns a store read into its answer, and moves the metrics an answer moves. */
public final class ReadAnswers {

    private ReadAnswers() {
    }

    /** {@code 410} and the gap body for a reader behind the retention, else {@code 200} and the array. */
    public static Answer of(RequestTarget target, ReadResult result, TransportMetrics metrics) {
        if (result.gap()) {
            return Answer.of(410, ChatJson.gap(target.after(), result.oldestRetained()));
        }
        if (result.isEmpty()) {
            metrics.emptyResponse();
        } else {
            metrics.messagesDelivered(result.messages().size());
        }
        List<Message> messages = result.messages();
        return new Answer(200, ChatJson.array(messages.size(), i -> messages.get(i).json()), Map.of(), false,
                messages.isEmpty());
    }
}
