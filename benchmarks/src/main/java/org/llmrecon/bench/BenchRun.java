package org.llmrecon.bench;

/** How every benchmark program ends: its JVM exits on its own, also when the run fails. */
public final class BenchRun {
    /** A benchmark's body. */
    @FunctionalInterface
    public interface Body {
        /** @throws Exception when the run fails */
        void run() throws Exception;
    }

    private BenchRun() {
    }

    /**
     * Runs {@code body}, then ends the JVM (Felix's threads are not daemons): status 0 when it ran, 1 with one
     * line naming {@code what} and the stack trace when it failed.
     */
    public static void exitAfter(String what, Body body) {
        int status = 1;
        try {
            body.run();
            status = 0;
        } catch (Throwable e) {
            System.err.println(what + ": " + e);
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }
}
