package org.pushbench.transport.websocket;

import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.SentMessage;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.store.StoreFullException;

/** What a WebSocket client sends: each text message is one chat message to append to its room. */
public final class InboundMessages {

    private final MessageStore store;
    private final TransportMetrics metrics;
    private final String room;

    public InboundMessages(MessageStore store, TransportMetrics metrics, String room) {
        this.store = store;
        this.metrics = metrics;
        this.room = room;
    }

    /**
     * Appends a text message the client sent.
     *
     * @return {@code null} when it was stored, else the JSON error to send back as a text frame (the connection
     *         stays open)
     */
    public byte[] append(byte[] utf8) {
        try {
            SentMessage sent = ChatJson.parseSent(utf8);
            store.append(room, sent.from(), sent.text(), sent.stamp());
            metrics.messageAppended();
            return null;
        } catch (ChatError e) {
            return e.toJson();
        } catch (StoreFullException e) {
            return ChatError.unavailable(e.getMessage()).toJson();
        }
    }
}
