package org.llmrecon.runtime.internal;

import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.plugin.PluginInterface;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
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

    private final FrameworkWiring wiring;

    BundleStates(FrameworkWiring wiring) {
        this.wiring = wiring;
    }

    Explained explain(Bundle bundle, ServiceComponentRuntime scr) {
        switch (bundle.getState()) {
            case Bundle.INSTALLED, Bundle.RESOLVED -> {
                String failure = startFailure(bundle);
                if (failure != null && bundle.getState() == Bundle.INSTALLED) {
                    return new Explained(PluginState.FAILED, failure);
                }
                if (failure != null) {
                    return new Explained(PluginState.PENDING, failure);
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

    /**
     * Why a bundle that should be started is not, without touching it:
     * the requirements nothing in the framework provides, else that its
     * start failed or is still to come.
     */
    private String startFailure(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        if (level == null || !level.isPersistentlyStarted()) {
            return null;
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (bundle.getState() == Bundle.INSTALLED && revision != null) {
            List<String> missing = new ArrayList<>();
            for (Requirement r : revision.getRequirements(null)) {
                boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(
                        r.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
                if (!optional && !r.getNamespace().startsWith("osgi.ee") && wiring.findProviders(r).isEmpty()) {
                    missing.add(r.getNamespace() + " " + r.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE));
                }
            }
            return missing.isEmpty() ? null : "cannot be resolved: missing " + String.join(", ", missing);
        }
        return bundle.getState() == Bundle.RESOLVED ? "resolved, but not started: its start failed or is pending"
                : null;
    }

    private static Explained components(Bundle bundle, ServiceComponentRuntime scr) {
        if (scr == null) {
            return registersPlugin(bundle) ? new Explained(PluginState.PENDING, "plugin service being evaluated")
                    : new Explained(PluginState.FAILED, "active, but registers no PluginInterface service");
        }
        var descriptions = scr.getComponentDescriptionDTOs(bundle);
        if (descriptions.isEmpty() && bundle.getHeaders("").get("Service-Component") != null) {
            return new Explained(PluginState.PENDING, "components not yet started");
        }
        for (ComponentDescriptionDTO d : descriptions) {
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
        if (registersPlugin(bundle)) {
            return new Explained(PluginState.PENDING, "plugin service being evaluated");
        }
        return new Explained(PluginState.FAILED, "active, but registers no PluginInterface service");
    }

    /** A service published but not yet in the tracker: its metadata is being read. */
    private static boolean registersPlugin(Bundle bundle) {
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        if (refs == null) {
            return false;
        }
        for (ServiceReference<?> r : refs) {
            if (r.getProperty(Constants.OBJECTCLASS) instanceof String[] classes
                    && java.util.Arrays.asList(classes).contains(PluginInterface.class.getName())) {
                return true;
            }
        }
        return false;
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

    /** @param b a bundle @return the name a plugin bundle is listed under: its Bundle-Name, else its symbolic name */
    static String name(Bundle b) {
        String n = b.getHeaders("").get("Bundle-Name");
        return n != null ? n : b.getSymbolicName() != null ? b.getSymbolicName() : "bundle " + b.getBundleId();
    }
}
