package org.pushbench.jetty;

import java.util.concurrent.CompletionException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatJson;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.protocol.SentMessage;
import org.pushbench.server.CrossOrigin;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.Message;
import org.pushbench.store.MessageStore;
import org.pushbench.store.ReadResult;
import org.pushbench.store.StoreFullException;

/**
 * What the two polling servers share: routing {@code /rooms/{room}/messages}, POST (read the body without
 * blocking, append, {@code 201}), the error answers of docs/PROTOCOL.md, and answering a read. A transport decides
 * only how a GET is answered. Nothing here blocks, so Jetty may run it on the selector thread.
 */
public abstract class HttpChatHandler extends Handler.Abstract.NonBlocking {

    protected final MessageStore store;
    protected final TransportMetrics metrics;
    private final ServerConfig config;
    private final int maxMessageBytes;

    protected HttpChatHandler(MessageStore store, TransportMetrics metrics, ServerConfig config) {
        this.store = store;
        this.metrics = metrics;
        this.config = config;
        this.maxMessageBytes = config.maxMessageBytes();
    }

    /** Answers {@code GET /rooms/{room}/messages?after=N...}: the request is whole, its deadline stopped. */
    protected abstract void onGet(Request request, Response response, Callback callback, ChatRoute route);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        metrics.httpRequest();
        ChatEndPoint.of(request).demo().request(request.getHttpURI().getPathQuery());
        String allowed = CrossOrigin.allowOriginHeader(config, request.getHeaders().get(HttpHeader.ORIGIN));
        if (allowed != null) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
        }
        answeringErrors(request, response, callback, () -> route(request, response, callback));
        return true;
    }

    private void route(Request request, Response response, Callback callback) {
        ChatRoute route = ChatRoute.parse(request.getHttpURI().getPathQuery());
        if (route.kind() != ChatRoute.Kind.MESSAGES) {
            throw ChatError.notFound(request.getHttpURI().getPath());
        }
        switch (request.getMethod()) {
            case "POST" -> onPost(request, response, callback, route);
            case "GET" -> {
                RequestDeadline.of(request).stop();
                onGet(request, response, callback, route);
            }
            default -> {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
                throw ChatError.methodNotAllowed(request.getMethod(), "GET or POST");
            }
        }
    }

    /** Runs a step of answering a request; a refusal it throws becomes the protocol's JSON error. */
    private static void answeringErrors(Request request, Response response, Callback callback, Runnable step) {
        try {
            step.run();
        } catch (ChatError e) {
            JsonResponses.error(request, response, callback, e);
        } catch (StoreFullException e) {
            JsonResponses.error(request, response, callback, ChatError.unavailable(e.getMessage()));
        }
    }

    /** Reads the body up to the limit ({@code 413} and close beyond it, announced or not), then appends. */
    private void onPost(Request request, Response response, Callback callback, ChatRoute route) {
        if (request.getLength() > maxMessageBytes) {
            JsonResponses.errorAndClose(request, response, callback, ChatError.tooLarge(maxMessageBytes));
            return;
        }
        Content.Source.asByteArrayAsync(request, maxMessageBytes).whenComplete((body, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof IllegalStateException) {
                // What Jetty's reader throws past maxSize: the body is over the limit, though not announced so.
                JsonResponses.errorAndClose(request, response, callback, ChatError.tooLarge(maxMessageBytes));
                return;
            }
            if (cause != null) {
                // The request itself failed (bad chunking, the client left): Jetty answers or closes.
                callback.failed(cause);
                return;
            }
            RequestDeadline.of(request).stop();
            answeringErrors(request, response, callback, () -> {
                SentMessage sent = ChatJson.parseSent(body);
                Message stored = store.append(route.room(), sent.from(), sent.text(), sent.stamp());
                metrics.messageAppended();
                JsonResponses.send(request, response, callback, 201, ChatJson.posted(stored.id()));
            });
        });
    }

    /** Answers a read: {@code 410} for a gap, else {@code 200} and the array (counted as empty when it is). */
    protected void answer(Request request, Response response, Callback callback, ChatRoute route, ReadResult result) {
        if (result.gap()) {
            JsonResponses.send(request, response, callback, 410, ChatJson.gap(route.after(), result.oldestRetained()));
            return;
        }
        if (result.isEmpty()) {
            metrics.emptyResponse();
        } else {
            metrics.messagesDelivered(result.messages().size());
        }
        JsonResponses.send(request, response, callback, 200, ChatJson.array(result.messages()));
    }
}
