package org.llmrecon.itests.plugins.faults;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * A test plugin that misbehaves as its manifest header {@value #FAULTS} says
 * (a comma list): {@code activate-throw}, {@code metadata-null},
 * {@code create-throw}, {@code create-null}, {@code create-hang},
 * {@code validate-throw}, {@code close-throw}, {@code close-hang},
 * {@code thread} (starts a thread it never stops). Otherwise it echoes
 * {@code "<Bundle-Name>: <prompt>"}. Hanging calls ignore interrupts and end
 * when the component is deactivated.
 */
@Component(service = PluginInterface.class)
public final class FaultSwitchPlugin implements PluginInterface {
    /** The manifest header naming the faults. */
    public static final String FAULTS = "LLMrecon-Test-Fault";

    private final Set<String> faults;
    private final String signature;
    private final Stop stop = new Stop();

    /** @param context this bundle's context, whose headers choose the faults */
    @Activate
    public FaultSwitchPlugin(BundleContext context) {
        String header = context.getBundle().getHeaders("").get(FAULTS);
        this.faults = header == null ? Set.of()
                : Arrays.stream(header.split(",")).map(String::trim).collect(Collectors.toSet());
        this.signature = context.getBundle().getHeaders("").get("Bundle-Name");
        if (faults.contains("activate-throw")) {
            throw new IllegalStateException("activation fails on purpose");
        }
        if (faults.contains("thread")) {
            new Leaker("fault-leaker-" + signature).start();
        }
    }

    @Deactivate
    void deactivate() {
        stop.release();
    }

    @Override
    public PluginMetadata getMetadata() {
        return faults.contains("metadata-null") ? null : PluginMetadata.EMPTY;
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        if (faults.contains("create-throw")) {
            throw new IllegalStateException("createProvider fails on purpose");
        }
        if (faults.contains("create-null")) {
            return null;
        }
        if (faults.contains("create-hang")) {
            stop.await();
        }
        return new Answering(config, signature, faults, stop);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        if (faults.contains("validate-throw")) {
            throw new IllegalStateException("validateConfig fails on purpose");
        }
    }

    static final class Answering extends EchoingProvider {
        private final Set<String> faults;
        private final Stop stop;

        Answering(ProviderConfig config, String signature, Set<String> faults, Stop stop) {
            super(config, signature);
            this.faults = faults;
            this.stop = stop;
        }

        @Override
        public void close() {
            super.close();
            if (faults.contains("close-throw")) {
                throw new IllegalStateException("close fails on purpose");
            }
            if (faults.contains("close-hang")) {
                stop.await();
            }
        }
    }
}
