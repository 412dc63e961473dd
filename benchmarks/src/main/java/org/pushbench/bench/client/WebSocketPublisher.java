package org.pushbench.bench.client;

import java.util.concurrent.CompletableFuture;

import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Transport;

/**
 * Sends each message as a text frame on its own WebSocket connection. Like any member of the room it also
 * receives every message back; it reads them to its own meters so it is never a slow reader.
 */
public final class WebSocketPublisher implements Publisher {

    private final WebSocketClient connection;

    public WebSocketPublisher(ClientLoop loop, ClientTarget target, RecipientMeters ownMeters) {
        this.connection = new WebSocketClient(loop, target, ownMeters);
    }

    @Override
    public Transport transport() {
        return Transport.WEBSOCKET;
    }

    @Override
    public CompletableFuture<Void> start() {
        return connection.start();
    }

    @Override
    public void publish(byte[] sentJson, SendTimeListener beforeWrite) {
        beforeWrite.sending(System.nanoTime());
        connection.send(sentJson);
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public CompletableFuture<Void> whenClosed() {
        return connection.whenClosed();
    }
}
