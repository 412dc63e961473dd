package org.pushbench.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits, bounded, for a load's connections to finish closing, and fails loudly when some never do. */
public final class CloseWait {

    /** Far more than a close handshake takes, even for 20,000 members over an emulated mobile link. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private CloseWait() {
    }

    /** Returns once every future is done; throws if some are not within {@link #TIMEOUT}. */
    public static void await(List<CompletableFuture<Void>> closed) {
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            long open = closed.stream().filter(f -> !f.isDone()).count();
            throw new IllegalStateException(open + " of " + closed.size() + " connections still open "
                    + TIMEOUT.toSeconds() + " s after their close began (no answer to a WebSocket close frame?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a connection failed to close", e.getCause());
        }
    }
}
