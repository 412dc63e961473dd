package org.pushbench.jetty;

import java.util.concurrent.CompletionException;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.DemoConnection;
import org.pushbench.server.ServerConfig;
import org.pushbench.transport.http.Answer;
import org.pushbench.transport.http.MessagesResource;

/**
 * The polling servers' adapter: reads a POST body without blocking (413 and close beyond the limit, announced or
 * not), then hands the whole request to the core's {@link MessagesResource} as a {@link JettyExchange}. Nothing
 * here blocks, so Jetty may run it on the selector thread.
 */
final class HttpChatHandler extends Handler.Abstract.NonBlocking {

    private static final byte[] NO_BODY = new byte[0];

    private final MessagesResource resource;
    private final ServerConfig config;
    private final JettyEngine.Shared shared;

    HttpChatHandler(MessagesResource resource, ServerConfig config, JettyEngine.Shared shared) {
        this.resource = resource;
        this.config = config;
        this.shared = shared;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        DemoConnection demo = ChatEndPoint.of(request).demo();
        if (demo != null) {
            // The classroom demo's client tag (docs/PROTOCOL.md, "Demo client ids").
            demo.request(request.getHttpURI().getPathQuery());
        }
        if (!request.getMethod().equals("POST")) {
            ChatEndPoint.deadlineOf(request).requestArrived();
            resource.handle(new JettyExchange(request, response, callback, NO_BODY, shared.scheduler()));
            return true;
        }
        int limit = config.maxMessageBytes();
        if (request.getLength() > limit) {
            JsonResponses.send(request, response, callback, Answer.errorAndClose(ChatError.tooLarge(limit)));
            return true;
        }
        Content.Source.asByteArrayAsync(request, limit).whenComplete((body, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof IllegalStateException) {
                // What Jetty's reader throws past maxSize: the body is over the limit, though not announced so.
                JsonResponses.send(request, response, callback, Answer.errorAndClose(ChatError.tooLarge(limit)));
            } else if (cause != null) {
                // The request itself failed (bad chunking, the client left): Jetty answers or closes.
                callback.failed(cause);
            } else {
                ChatEndPoint.deadlineOf(request).requestArrived();
                resource.handle(new JettyExchange(request, response, callback, body, shared.scheduler()));
            }
        });
        return true;
    }
}
