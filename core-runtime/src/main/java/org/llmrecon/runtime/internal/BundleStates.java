package org.llmrecon.runtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.llmrecon.api.plugin.PluginState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Explains why a plugin bundle offers no plugin service: it does not
 * resolve, its start failed, or its component failed or waits.
 */
final class BundleStates {
    record Explained(PluginState state, String reason) {
    }

    private final Map<String, String> startFailures = new ConcurrentHashMap<>();

    Explained explain(Bundle bundle, ServiceComponentRuntime scr) {
        switch (bundle.getState()) {
            case Bundle.INSTALLED, Bundle.RESOLVED -> {
                String failure = startFailure(bundle);
                if (failure != null) {
                    return new Explained(PluginState.FAILED, failure);
                }
                return new Explained(PluginState.PENDING, bundle.getState() == Bundle.INSTALLED ? "installed, not resolved"
                        : "resolved, not started");
            }
            case Bundle.STARTING -> {
                return new Explained(PluginState.PENDING, "starting");
            }
            case Bundle.ACTIVE -> {
                return components(bundle, scr);
            }
            default -> {
                return new Explained(PluginState.PENDING, "stopping");
            }
        }
    }

    void forget(Bundle bundle) {
        startFailures.keySet().removeIf(k -> k.startsWith(bundle.getBundleId() + "@"));
    }

    /**
     * A bundle that should be started but is not: start it transiently once
     * to learn why (the resolver's or the activator's reason), and remember it.
     */
    private String startFailure(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        if (level == null || !level.isPersistentlyStarted()) {
            return null;
        }
        String key = bundle.getBundleId() + "@" + bundle.getLastModified();
        return startFailures.computeIfAbsent(key, k -> {
            try {
                bundle.start(Bundle.START_TRANSIENT);
                return bundle.getState() == Bundle.ACTIVE ? "" : "did not start";
            } catch (BundleException e) {
                return oneLine(e);
            } catch (IllegalStateException e) {
                return firstLine(e.getMessage());
            }
        }).transform(s -> s.isEmpty() ? null : s);
    }

    private static Explained components(Bundle bundle, ServiceComponentRuntime scr) {
        if (scr == null) {
            return new Explained(PluginState.FAILED, "active, but registers no PluginInterface service");
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return new Explained(PluginState.FAILED, "component " + d.name + " failed to activate: "
                            + cause(c.failure));
                }
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        && c.unsatisfiedReferences.length > 0) {
                    return new Explained(PluginState.PENDING, "component " + d.name + " waits for "
                            + c.unsatisfiedReferences[0].name);
                }
            }
            if (!scr.isComponentEnabled(d)) {
                return new Explained(PluginState.PENDING, "component " + d.name + " is disabled");
            }
        }
        return new Explained(PluginState.FAILED, "active, but registers no PluginInterface service");
    }

    private static String oneLine(BundleException e) {
        String m = firstLine(e.getMessage());
        if (e.getCause() != null && e.getCause() != e) {
            m += ": " + Callouts.oneLine(e.getCause());
        }
        return m;
    }

    /** SCR records the whole stack trace; the innermost cause says what went wrong. */
    private static String cause(String failure) {
        if (failure == null) {
            return "";
        }
        return failure.lines().map(String::trim).filter(l -> l.startsWith("Caused by: "))
                .reduce((a, b) -> b).map(l -> l.substring("Caused by: ".length())).orElse(firstLine(failure));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
