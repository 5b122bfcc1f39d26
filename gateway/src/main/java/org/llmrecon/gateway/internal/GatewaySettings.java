package org.llmrecon.gateway.internal;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The gateway's current settings ({@link GatewayConfig}); a change applies to
 * the next request, without restarting the servlets. Keys are kept as stored
 * ({@code ENC(...)} or plain) and opened by whoever checks them.
 */
@Component(service = GatewaySettings.class, configurationPid = GatewaySettings.PID, immediate = true,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GatewayConfig.class)
public final class GatewaySettings {
    /** The configuration's PID. */
    public static final String PID = "org.llmrecon.gateway";

    private volatile GatewayConfig config;

    @Activate
    public GatewaySettings(GatewayConfig config) {
        this.config = config;
    }

    @Modified
    void modified(GatewayConfig changed) {
        config = changed;
    }

    /** @return the stored keys, blank ones left out */
    public List<String> storedKeys() {
        String[] keys = config.keys();
        return keys == null ? List.of() : Arrays.stream(keys).map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    /**
     * @return the keys in the clear
     * @throws IllegalStateException when a stored key cannot be opened (naming the configuration, never the key):
     *         {@code ENC(...)} values wait for the runtime's secrets service, which this build does not have yet
     */
    public List<String> openKeys() {
        List<String> keys = storedKeys();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).startsWith("ENC(")) {
                throw new IllegalStateException("key " + (i + 1) + " of " + PID
                        + " is encrypted (ENC(...)), which this gateway cannot open yet: store it in plain text");
            }
        }
        return keys;
    }

    public long maxBodyBytes() {
        return Math.max(1, config.maxBodyBytes());
    }

    public int rateLimitPerMinute() {
        return Math.max(0, config.rateLimitPerMinute());
    }
}
