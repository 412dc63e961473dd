package org.pushbench.jetty;

import java.util.concurrent.Executor;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.transport.TaskTimer;
import org.pushbench.transport.http.Answer;
import org.pushbench.transport.http.HttpExchange;
import org.pushbench.transport.http.PendingAnswer;

/**
 * One request on a Jetty connection. Jetty handles one request of a connection at a time and completes it through
 * its callback from any thread, so the serial executor is a direct one: the core's held poll takes its own lock.
 * While a request is held, a {@link ReadInterest} reports the client's next bytes or departure, and Jetty's own
 * failure of the request (the server stopping, a write failing) drops it.
 */
final class JettyExchange implements HttpExchange {

    private static final Executor DIRECT = Runnable::run;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final byte[] body;
    private final Scheduler scheduler;
    private ReadInterest readInterest;

    JettyExchange(Request request, Response response, Callback callback, byte[] body, Scheduler scheduler) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.body = body;
        this.scheduler = scheduler;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String target() {
        return request.getHttpURI().getPathQuery();
    }

    @Override
    public String origin() {
        return request.getHeaders().get(HttpHeader.ORIGIN);
    }

    @Override
    public String host() {
        return request.getHeaders().get(HttpHeader.HOST);
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public void answer(Answer answer) {
        JsonResponses.send(request, response, callback, answer);
    }

    @Override
    public Executor serial() {
        return DIRECT;
    }

    @Override
    public TaskTimer timer() {
        return SchedulerTimer.on(scheduler);
    }

    @Override
    public void holding(PendingAnswer pending) {
        request.addFailureListener(failure -> {
            if (pending.clientLeft()) {
                callback.failed(failure);
            }
        });
        readInterest = ReadInterest.of(request);
        readInterest.register(pending::clientSpoke);
    }

    @Override
    public void released() {
        readInterest.withdraw();
    }
}
