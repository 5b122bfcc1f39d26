package org.llmrecon.launcher;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.ProviderFactory;

/**
 * The names Tab offers, asked of the runtime's services at each press: the
 * provider types that can be called (targets), plugins, a type's models and
 * configuration keys.
 */
final class LiveNames {
    /** A model list may be a network call (a remote provider): Tab waits this long, then offers the metadata's. */
    private static final long MODELS_MILLIS = 1500;

    private final LlmRecon runtime;

    LiveNames(LlmRecon runtime) {
        this.runtime = runtime;
    }

    List<String> targets() {
        TreeSet<String> names = new TreeSet<>();
        runtime.providerFactory().targets().forEach(t -> names.add(t.name()));
        return List.copyOf(names);
    }

    List<String> plugins() {
        return runtime.pluginManager().plugins().stream().map(PluginInfo::name).distinct().sorted()
                .toList();
    }

    /** @param target the target on the line, or empty (options come before it): the models of every target */
    List<String> models(String target) {
        if (target.isEmpty()) {
            return targets().stream().flatMap(t -> models(t).stream()).distinct().sorted().toList();
        }
        ProviderFactory factory = runtime.providerFactory();
        if (factory.target(target).map(t -> t.available()).orElse(false)) {
            CompletableFuture<List<String>> listed = CompletableFuture.supplyAsync(
                    () -> factory.getProvider(target).listModels().stream().map(ModelInfo::id).toList());
            try {
                return listed.get(MODELS_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                listed.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Optional<PluginInfo> plugin = runtime.pluginManager().plugin(runtime.configManager().type(target));
        return plugin.map(p -> p.metadata().supportedModels()).orElse(List.of());
    }

    List<String> configKeys(String target) {
        return runtime.configManager().describe(target).stream().map(ConfigEntry::key).distinct()
                .sorted().toList();
    }

    /** @return whether the runtime knows the key of the target and says its value is not secret */
    boolean shownInClear(String target, String key) {
        return runtime.configManager().describe(target).stream()
                .anyMatch(e -> e.key().equals(key) && !e.secret());
    }
}
