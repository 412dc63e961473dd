package org.pushbench.jetty;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.DemoConnection;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;
import org.pushbench.store.MessageStore;
import org.pushbench.transport.sse.EventStream;
import org.pushbench.transport.sse.EventsRoute;

/**
 * The Server-Sent Events server's handler: a request the core's {@link EventsRoute} accepts gets a
 * {@code text/event-stream} response that never ends (Jetty chunks it, one chunk per write), written by the
 * core's {@link EventStream} through a {@link JettyEventWriter}; every other request goes on to the messages
 * resource it wraps, for posting. A streaming connection has no request deadline.
 */
final class EventStreamHandler extends Handler.Wrapper {

    private static final PreEncodedHttpField EVENT_STREAM =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/event-stream");
    private static final PreEncodedHttpField NO_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache");

    private final EventsRoute route;
    private final MessageStore store;
    private final TransportMetrics metrics;
    private final ServerConfig config;
    private final JettyEngine.Shared shared;

    EventStreamHandler(EventsRoute route, MessageStore store, TransportMetrics metrics, ServerConfig config,
            JettyEngine.Shared shared, Handler messages) {
        super(messages);
        this.route = route;
        this.store = store;
        this.metrics = metrics;
        this.config = config;
        this.shared = shared;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EventsRoute.Opening opening;
        try {
            opening = route.check(request.getMethod(), request.getHttpURI().getPathQuery(), request.getHeaders()::get);
        } catch (ChatError e) {
            tagDemoClient(request);
            ChatEndPoint.deadlineOf(request).requestArrived();
            JsonResponses.error(request, response, callback, e);
            return true;
        }
        if (opening == null) {
            return super.handle(request, response, callback);
        }
        tagDemoClient(request);
        ChatEndPoint.deadlineOf(request).stop();
        response.setStatus(200);
        response.getHeaders().put(EVENT_STREAM).put(NO_CACHE);
        opening.headers().forEach(response.getHeaders()::put);
        JettyEventWriter writer = new JettyEventWriter(request, response, callback, shared.scheduler());
        writer.start(serial -> new EventStream(store, metrics, opening, serial,
                SchedulerTimer.on(shared.scheduler()), config, writer));
        return true;
    }

    /** The classroom demo's client tag (docs/PROTOCOL.md, "Demo client ids"). */
    private static void tagDemoClient(Request request) {
        DemoConnection demo = ChatEndPoint.of(request).demo();
        if (demo != null) {
            demo.request(request.getHttpURI().getPathQuery());
        }
    }
}
