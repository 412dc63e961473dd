package org.pushbench.jetty;

import java.nio.ByteBuffer;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.DemoConnection;
import org.pushbench.transport.http.Answer;

/**
 * Writes the core's {@link Answer}s as Jetty responses: a JSON body with {@code Content-Type} and
 * {@code Content-Length} (none on a 204), the answer's own headers and nothing else, as the Netty engine does. Each answer restarts
 * the connection's request deadline; Jetty itself honours keep-alive and {@code Connection: close}.
 */
final class JsonResponses {

    static final PreEncodedHttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private JsonResponses() {
    }

    static void send(Request request, Response response, Callback callback, Answer answer) {
        ChatEndPoint.deadlineOf(request).answered();
        if (answer.emptyRead()) {
            DemoConnection demo = ChatEndPoint.of(request).demo();
            if (demo != null) {
                demo.emptyResponse();
            }
        }
        response.setStatus(answer.status());
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            response.getHeaders().put(h.getKey(), h.getValue());
        }
        if (answer.close()) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        if (answer.status() != HttpStatus.NO_CONTENT_204) {
            response.getHeaders().put(CONTENT_TYPE).put(HttpHeader.CONTENT_LENGTH, answer.json().length);
        }
        response.write(true, ByteBuffer.wrap(answer.json()), callback);
    }

    /** Answers an error; see {@link ChatError#toJson()}. */
    static void error(Request request, Response response, Callback callback, ChatError error) {
        send(request, response, callback, Answer.error(error));
    }
}
