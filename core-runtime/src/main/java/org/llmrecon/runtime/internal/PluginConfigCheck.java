package org.llmrecon.runtime.internal;

import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.runtime.internal.config.ConfigCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A {@link ConfigCheck} that asks the plugin serving the target's type, within the bound on plugin calls. */
@Component(service = ConfigCheck.class)
public final class PluginConfigCheck implements ConfigCheck {
    private final PluginTracker tracker;
    private final PluginCalls calls;

    /** @param tracker knows which plugin serves a type @param calls bounds the call */
    @Activate
    public PluginConfigCheck(@Reference PluginTracker tracker, @Reference PluginCalls calls) {
        this.tracker = tracker;
        this.calls = calls;
    }

    @Override
    public String problem(String target, ProviderConfig config) {
        PluginCandidate plugin = tracker.winner(config.type());
        if (plugin == null) {
            return null;
        }
        try {
            calls.call("plugin '" + plugin.name() + "' validateConfig()", () -> {
                plugin.plugin().validateConfig(config);
                return Boolean.TRUE;
            });
            return null;
        } catch (PluginCalls.CallException e) {
            return "target '" + target + "': " + e.getMessage();
        } catch (RuntimeException e) {
            // the plugin's refusal, InvalidConfigException say, its message meant for people
            return "target '" + target + "': " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
