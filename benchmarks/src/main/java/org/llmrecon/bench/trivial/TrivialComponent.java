package org.llmrecon.bench.trivial;

import java.util.Map;

/**
 * The one class of a generated trivial DS bundle: an immediate component
 * publishing {@link Runnable}. Uses java.* only, so the bundle imports nothing.
 */
public final class TrivialComponent implements Runnable {
    private Map<String, Object> properties;

    /** Called by SCR on activation. */
    public void activate(Map<String, Object> props) {
        this.properties = props;
    }

    @Override
    public void run() {
        properties.size();
    }
}
