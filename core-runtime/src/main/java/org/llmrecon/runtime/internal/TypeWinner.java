package org.llmrecon.runtime.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.llmrecon.api.runtime.PluginState;

/**
 * The rule that picks the plugin serving a provider type among its valid
 * candidates: the highest plugin version, then the highest service ranking,
 * then the older service. The others are shadowed and take over when the
 * winner goes.
 */
final class TypeWinner {
    private TypeWinner() {
    }

    /**
     * @param winner the candidate serving the type, ACTIVE, or {@code null} when none is valid
     * @param ranked the type's valid candidates with their new states, the winner first
     * @param reason why no plugin serves the type, or {@code null} when one does
     */
    record Decision(PluginCandidate winner, List<PluginCandidate> ranked, String reason) {
    }

    /** @param type a provider type @param all every tracked candidate @return who serves the type */
    static Decision decide(String type, Collection<PluginCandidate> all) {
        List<PluginCandidate> valid = all.stream().filter(c -> type.equals(c.type()) && c.valid())
                .sorted(PluginCandidate::precedence).toList();
        if (valid.isEmpty()) {
            return new Decision(null, List.of(), unavailable(type, all));
        }
        PluginCandidate winner = valid.get(0).with(PluginState.ACTIVE, null);
        String shadowed = "shadowed by " + (winner.legacy() ? "legacy " : "") + "plugin '" + winner.name() + "' "
                + winner.metadata().version() + " for provider type '" + type + "'";
        List<PluginCandidate> ranked = new ArrayList<>();
        ranked.add(winner);
        valid.stream().skip(1).map(c -> c.with(PluginState.SHADOWED, shadowed)).forEach(ranked::add);
        return new Decision(winner, ranked, null);
    }

    /** @return why no plugin serves {@code type}: the best candidate's state and reason, or that none offers it */
    static String unavailable(String type, Collection<PluginCandidate> all) {
        return all.stream().filter(c -> type.equals(c.type()))
                .min(Comparator.comparing(PluginCandidate::valid).reversed())
                .map(c -> "plugin '" + c.name() + "' for provider type '" + type + "' is "
                        + c.state().name().toLowerCase() + (c.reason() == null ? "" : ": " + c.reason()))
                .orElse(noPlugin(type));
    }

    /** @return why no plugin serves {@code type} when no plugin offers it at all */
    static String noPlugin(String type) {
        return "no plugin offers provider type '" + type + "'";
    }
}
