package org.pushbench.launcher.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo page's files, read once from the jar's {@code demo/} resources. Only these names are served, so a
 * request path never reaches the class loader.
 */
final class DemoAssets {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "demo.js", "text/javascript; charset=utf-8",
            "demo.css", "text/css; charset=utf-8");

    private final Map<String, DemoResponse> files;

    DemoAssets() {
        var loaded = new HashMap<String, DemoResponse>();
        CONTENT_TYPES.forEach((name, type) -> loaded.put(name, new DemoResponse(200, type, read(name), null)));
        files = Map.copyOf(loaded);
    }

    /** The file of that name ({@code index.html}, {@code demo.js}, {@code demo.css}), or {@code null}. */
    DemoResponse file(String name) {
        return files.get(name);
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoAssets.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo resource demo/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
