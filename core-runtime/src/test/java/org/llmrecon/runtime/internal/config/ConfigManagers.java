package org.llmrecon.runtime.internal.config;

import java.nio.file.Path;
import java.util.Map;

import org.llmrecon.runtime.internal.secrets.SecretBoxes;

/** Configuration managers for tests in other packages, without Config Admin. */
public final class ConfigManagers {
    private ConfigManagers() {
    }

    /**
     * @param folder a folder of the test's, for the key file
     * @param etc the configuration folder, or {@code null} to keep targets in memory
     * @return a manager reading no environment and no JSON file
     */
    public static ProviderConfigurations of(Path folder, Path etc) {
        return new ProviderConfigurations(Map.of(), null, etc, SecretBoxes.in(folder), null);
    }
}
