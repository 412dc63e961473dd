package org.pushbench.server;

/**
 * Which browser pages may read the polling servers' answers across origins (the classroom demo's page is served
 * by the admin port, a different origin). A request without {@code Origin} (every benchmark client) gets no
 * CORS header at all, so measured bytes do not change.
 */
public final class CrossOrigin {

    private CrossOrigin() {
    }

    /**
     * The {@code Access-Control-Allow-Origin} value to answer a request carrying this {@code Origin} with, or
     * {@code null} for none: the origin itself when {@link ServerConfig#allowedOrigins()} lists it (or {@code *}).
     */
    public static String allowOriginHeader(ServerConfig config, String origin) {
        if (origin == null || origin.isEmpty()) {
            return null;
        }
        return config.allowedOrigins().contains(origin) || config.allowedOrigins().contains("*") ? origin : null;
    }
}
