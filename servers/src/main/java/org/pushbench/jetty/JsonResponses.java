package org.pushbench.jetty;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.pushbench.protocol.ChatError;

/**
 * Writes the polling servers' answers: a JSON body with {@code Content-Type} and {@code Content-Length} and nothing
 * else, as the Netty engine does. Each answer restarts the connection's {@link RequestDeadline}; Jetty itself
 * honours keep-alive and {@code Connection: close}.
 */
public final class JsonResponses {

    static final PreEncodedHttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private JsonResponses() {
    }

    public static void send(Request request, Response response, Callback callback, int status, byte[] json) {
        RequestDeadline.of(request).restart();
        if (status == 200 && json.length == 2 && json[0] == '[') {
            ChatEndPoint.of(request).demo().emptyResponse();
        }
        response.setStatus(status);
        response.getHeaders().put(CONTENT_TYPE).put(HttpHeader.CONTENT_LENGTH, json.length);
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    /** Answers an error; see {@link ChatError#toJson()}. */
    public static void error(Request request, Response response, Callback callback, ChatError error) {
        send(request, response, callback, error.status(), error.toJson());
    }

    /** Answers an error and closes: for a request whose body is not worth reading. */
    public static void errorAndClose(Request request, Response response, Callback callback, ChatError error) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        error(request, response, callback, error);
    }
}
