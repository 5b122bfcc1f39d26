package org.llmrecon.gateway.internal;

import java.util.List;
import java.util.TreeSet;

import org.llmrecon.api.runtime.ProviderFactory;

/** The targets the gateway serves and reports, as the runtime lists them; the gateway's one place that asks. */
public final class Targets {
    private final ProviderFactory factory;

    public Targets(ProviderFactory factory) {
        this.factory = factory;
    }

    /** @return the target names, sorted */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(factory.providerTypes()));
    }
}
