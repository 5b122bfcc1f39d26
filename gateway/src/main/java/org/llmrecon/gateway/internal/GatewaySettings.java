package org.llmrecon.gateway.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.llmrecon.api.runtime.GatewayProperties;
import org.llmrecon.api.runtime.Secrets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The gateway's current settings ({@link GatewayConfig}); a change applies to
 * the next request, without restarting the servlets. Keys are kept as stored
 * ({@code ENC(...)} or plain) and opened, through the runtime's {@link Secrets}, when checked.
 */
@Component(service = GatewaySettings.class, configurationPid = GatewayProperties.PID, immediate = true,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GatewayConfig.class)
public final class GatewaySettings {
    private final Secrets secrets;
    private volatile GatewayConfig config;

    @Activate
    public GatewaySettings(GatewayConfig config, @Reference Secrets secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    @Modified
    void modified(GatewayConfig changed) {
        config = changed;
    }

    /**
     * @return the stored keys, blank ones left out; a value holding commas is several keys, as a {@code .cfg}
     *         line {@code keys = A,B} arrives as one string
     */
    public List<String> storedKeys() {
        String[] keys = config.keys();
        return keys == null ? List.of() : Arrays.stream(keys).flatMap(k -> Arrays.stream(k.split(",")))
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    /**
     * @return the keys in the clear, those stored {@code ENC(...)} opened with the runtime's key file
     * @throws IllegalStateException when a stored key cannot be opened (naming its position and the key file,
     *         never the key)
     */
    public List<String> openKeys() {
        List<String> keys = storedKeys();
        List<String> open = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            try {
                open.add(secrets.open(keys.get(i)));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("key " + (i + 1) + " of " + GatewayProperties.PID
                        + " cannot be opened: " + e.getMessage());
            }
        }
        return open;
    }

    public long maxBodyBytes() {
        return Math.max(1, config.maxBodyBytes());
    }

    public int rateLimitPerMinute() {
        return Math.max(0, config.rateLimitPerMinute());
    }
}
