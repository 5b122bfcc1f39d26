package org.llmrecon.launcher;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Why a component of the runtime failed to activate (a malformed framework
 * property, say), read from SCR's DTOs, so that start-up fails at once with
 * that reason instead of waiting for a service that never comes. SCR's API
 * lives in a bundle, not on the launcher's class path: it is called
 * reflectively, like Gogo in {@link GogoShell}.
 */
final class RuntimeFailures {
    private static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final String RUNTIME = "org.llmrecon.core-runtime";
    private static final int FAILED_ACTIVATION = 16;
    private static final String DEPENDENT = "Unable to get service for reference";

    private RuntimeFailures() {
    }

    /** @return the failures of the runtime bundle's components in one line, if any */
    static Optional<String> of(BundleContext context) {
        ServiceReference<?> ref = context.getServiceReference(SCR);
        Bundle runtime = null;
        for (Bundle b : context.getBundles()) {
            runtime = RUNTIME.equals(b.getSymbolicName()) ? b : runtime;
        }
        if (ref == null || runtime == null) {
            return Optional.empty();
        }
        Object scr = context.getService(ref);
        try {
            Class<?> type = ref.getBundle().loadClass(SCR);
            Object descriptions = type.getMethod("getComponentDescriptionDTOs", Bundle[].class)
                    .invoke(scr, (Object) new Bundle[] {runtime});
            List<String> failures = new ArrayList<>();
            for (Object d : (Iterable<?>) descriptions) {
                Method configurations = type.getMethod("getComponentConfigurationDTOs", d.getClass());
                for (Object c : (Iterable<?>) configurations.invoke(scr, d)) {
                    if (c.getClass().getField("state").getInt(c) == FAILED_ACTIVATION) {
                        failures.add("component " + d.getClass().getField("name").get(d) + " failed to activate: "
                                + innermostCause((String) c.getClass().getField("failure").get(c)));
                    }
                }
            }
            // components that failed only because one they need failed first say nothing more
            List<String> causes = failures.stream().filter(f -> !f.contains(DEPENDENT)).toList();
            List<String> shown = causes.isEmpty() ? failures : causes;
            return shown.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", shown));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        } finally {
            context.ungetService(ref);
        }
    }

    /** SCR records the whole stack trace; its innermost cause, else its first line, says what went wrong. */
    private static String innermostCause(String failure) {
        String first = null;
        String cause = null;
        for (String line : failure == null ? new String[0] : failure.split("\n")) {
            String l = line.trim();
            first = first == null && !l.isEmpty() ? l : first;
            cause = l.startsWith("Caused by: ") ? l.substring("Caused by: ".length()) : cause;
        }
        return cause != null ? cause : first == null ? "" : first;
    }
}
