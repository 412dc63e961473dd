package org.pushbench.jetty;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import org.pushbench.protocol.ChatError;

/**
 * The protocol's JSON error body for the errors Jetty answers itself, before any handler: a request line or head
 * it cannot parse (400), a head over the limit (431), a failed handler (500). No HTML, no Cache-Control.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JsonResponses.CONTENT_TYPE);
        return ByteBuffer.wrap(error(status, reason).toJson());
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(JsonResponses.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(error(status, message).toJson()), callback);
    }

    @Override
    protected void generateCacheControl(Response response) {
        // no Cache-Control: an error answer costs the same header bytes on both engines
    }

    private static ChatError error(int status, String message) {
        return ChatError.forStatus(status, message);
    }
}
