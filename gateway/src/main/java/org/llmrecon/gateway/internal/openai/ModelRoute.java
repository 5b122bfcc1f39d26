package org.llmrecon.gateway.internal.openai;

import org.llmrecon.api.runtime.ManagedProvider;

/**
 * Where a request's {@code model} leads.
 *
 * @param target the target's name
 * @param model the model id at the target
 * @param provider the target's provider
 */
record ModelRoute(String target, String model, ManagedProvider provider) {
    /** @return the id the client sees: {@code target/model} */
    String publicId() {
        return target + "/" + model;
    }
}
