package org.llmrecon.gateway.internal.openai;

import java.util.List;
import java.util.TreeSet;

import org.llmrecon.api.runtime.ProviderFactory;

/** The names of the targets the gateway serves, as the runtime lists them; the one place that asks. */
final class TargetDirectory {
    private final ProviderFactory factory;

    TargetDirectory(ProviderFactory factory) {
        this.factory = factory;
    }

    /** @return the target names, sorted */
    List<String> names() {
        return List.copyOf(new TreeSet<>(factory.providerTypes()));
    }
}
