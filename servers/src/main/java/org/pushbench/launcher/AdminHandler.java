package org.pushbench.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.internal.PlatformDependent;

import org.pushbench.launcher.demo.DemoClientsReport;
import org.pushbench.netty.JsonReplies;
import org.pushbench.transport.http.Answer;
import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatJson;
import org.pushbench.server.ChatServer;
import org.pushbench.server.ProcessMetrics;
import org.pushbench.server.Transport;

/** Answers {@code GET /health}, {@code GET /metrics[?gc=true]} and {@code POST /metrics/reset} (docs/PROTOCOL.md). */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final ServerSet servers;

    AdminHandler(ServerSet servers) {
        this.servers = servers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws JsonProcessingException {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        HttpMethod method = request.method();
        if (path.equals("/health") && method.equals(HttpMethod.GET)) {
            JsonReplies.send(ctx, JsonReplies.KeepAlive.of(request), Answer.of(200, json(health())));
        } else if (path.equals("/metrics") && method.equals(HttpMethod.GET)) {
            boolean gc = uri.parameters().getOrDefault("gc", java.util.List.of()).contains("true");
            JsonReplies.send(ctx, JsonReplies.KeepAlive.of(request), Answer.of(200, json(metrics(gc))));
        } else if (path.equals("/metrics/reset") && method.equals(HttpMethod.POST)) {
            servers.servers().values().forEach(s -> s.metrics().reset());
            JsonReplies.send(ctx, JsonReplies.KeepAlive.of(request), Answer.of(204, new byte[0]));
        } else if (path.equals("/health") || path.equals("/metrics") || path.equals("/metrics/reset")) {
            String allowed = path.equals("/metrics/reset") ? "POST" : "GET";
            JsonReplies.error(ctx, request, ChatError.methodNotAllowed(method.name(), allowed));
        } else {
            JsonReplies.error(ctx, request, ChatError.notFound(path));
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> ports = new LinkedHashMap<>();
        servers.servers().forEach((t, s) -> ports.put(t.id(), s.port()));
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "up");
        health.put("engine", servers.options().engine().id());
        health.put("transports", ports);
        return health;
    }

    private Map<String, Object> metrics(boolean gcFirst) {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("rooms", servers.store().roomCount());
        store.put("subscribers", servers.store().subscriberCount());
        store.put("retention", servers.store().retention());
        Map<String, Object> transports = new LinkedHashMap<>();
        for (Map.Entry<Transport, ChatServer> e : servers.servers().entrySet()) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("port", e.getValue().port());
            figures.putAll(ChatJson.mapper().convertValue(e.getValue().metrics().snapshot(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
            transports.put(e.getKey().id(), figures);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("engine", servers.options().engine().id());
        metrics.put("process", ProcessMetrics.read(gcFirst, PlatformDependent::usedDirectMemory));
        metrics.put("store", store);
        metrics.put("transports", transports);
        metrics.put("demoClients", DemoClientsReport.of(servers.servers().values()));
        return metrics;
    }

    private static byte[] json(Object value) throws JsonProcessingException {
        return ChatJson.mapper().writeValueAsBytes(value);
    }
}
