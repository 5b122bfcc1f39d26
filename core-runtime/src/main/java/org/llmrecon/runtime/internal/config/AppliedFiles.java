package org.llmrecon.runtime.internal.config;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Tells who waits for the configuration folder (the launcher, before its
 * first command) which files the configuration manager has applied: one
 * service per applied configuration, with a property naming its file
 * ({@code felix.fileinstall.filename} or {@code llmrecon.etc.file}) and no
 * value of it.
 */
final class AppliedFiles {
    /** The objectClass of the markers. */
    static final String SERVICE = "org.llmrecon.runtime.AppliedConfiguration";
    private static final String[] ORIGINS = {"felix.fileinstall.filename", "llmrecon.etc.file"};

    private final BundleContext context;
    private final Map<String, ServiceRegistration<?>> registrations = new ConcurrentHashMap<>();

    /** @param context where markers are registered; {@code null} for none */
    AppliedFiles(BundleContext context) {
        this.context = context;
    }

    /** @param settings the configuration as applied now, or {@code null} when it is gone */
    synchronized void update(String pid, EtcSettings settings) {
        ServiceRegistration<?> old = registrations.remove(pid);
        if (old != null) {
            unregister(old);
        }
        if (context == null || settings == null || settings.origin().equals(pid)) {
            return;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(settings.origin().startsWith("file:") ? ORIGINS[0] : ORIGINS[1], settings.origin());
        try {
            registrations.put(pid, context.registerService(new String[] {Object.class.getName()}, new Object(),
                    withClass(props)));
        } catch (IllegalStateException e) {
            // the runtime is stopping
        }
    }

    synchronized void close() {
        registrations.values().forEach(AppliedFiles::unregister);
        registrations.clear();
    }

    private static Dictionary<String, Object> withClass(Dictionary<String, Object> props) {
        props.put("llmrecon.marker", SERVICE);
        return props;
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }
}
