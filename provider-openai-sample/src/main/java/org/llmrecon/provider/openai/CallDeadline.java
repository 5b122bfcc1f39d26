package org.llmrecon.provider.openai;

import java.time.Duration;

/**
 * The one deadline of a call: the target's {@code timeout} from the moment the call starts, for connecting,
 * the headers, the body and a whole stream alike.
 */
final class CallDeadline {
    private final Duration timeout;
    private final long end;
    private final String where;

    /**
     * @param timeout the target's timeout
     * @param server the server's host and port, for messages
     */
    CallDeadline(Duration timeout, String server) {
        this.timeout = timeout;
        this.end = System.nanoTime() + timeout.toNanos();
        this.where = "server " + server;
    }

    boolean passed(long now) {
        return now - end >= 0;
    }

    Duration timeout() {
        return timeout;
    }

    /** @return the server the call went to, as messages name it */
    String where() {
        return where;
    }
}
