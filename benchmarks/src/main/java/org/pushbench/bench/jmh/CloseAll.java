package org.pushbench.bench.jmh;

/** Closes the parts of a trial in order, each even when one before it failed, so the server always stops. */
final class CloseAll {

    private CloseAll() {
    }

    /** Closes every part (nulls skipped), then throws the first failure with the others suppressed in it. */
    static void close(AutoCloseable... parts) throws Exception {
        Exception first = null;
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
