package org.llmrecon.runtime.internal.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.llmrecon.api.plugin.PluginInterface;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * Finds active bundles that declare legacy providers (the
 * {@value LegacyDeclaration#HEADER} header or the ServiceLoader file
 * {@value LegacyDeclaration#SERVICES}) and publishes, from each such
 * bundle's own context, one {@link PluginInterface} service per declaration
 * with {@code llmrecon.legacy=true}; the plugin tracker then handles them
 * like any plugin. The services go when the bundle stops.
 */
@Component(service = {}, immediate = true)
public final class LegacyExtender implements BundleTrackerCustomizer<List<ServiceRegistration<PluginInterface>>> {
    /** Service property that marks a plugin adapted from a legacy jar. */
    public static final String LEGACY = "llmrecon.legacy";
    /** Service property naming the declared class of an adapted legacy plugin. */
    public static final String DECLARED_CLASS = "llmrecon.legacy.class";
    /** Service property naming the declared provider type, so a plugin that fails still shows its type. */
    public static final String DECLARED_TYPE = "llmrecon.legacy.type";
    /** Ranking of adapted plugins: at equal version a plugin that publishes itself wins. */
    static final int RANKING = -1;

    private final BundleTracker<List<ServiceRegistration<PluginInterface>>> tracker;

    /** @param context the runtime bundle's context */
    @Activate
    public LegacyExtender(BundleContext context) {
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public List<ServiceRegistration<PluginInterface>> addingBundle(Bundle bundle, BundleEvent event) {
        List<LegacyDeclaration> declarations = declarations(bundle);
        BundleContext context = bundle.getBundleContext();
        if (declarations.isEmpty() || context == null) {
            return null;
        }
        String version = Version.emptyVersion.equals(bundle.getVersion()) ? null : bundle.getVersion().toString();
        List<ServiceRegistration<PluginInterface>> registrations = new ArrayList<>();
        for (LegacyDeclaration d : declarations) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(LEGACY, Boolean.TRUE);
            props.put(Constants.SERVICE_RANKING, RANKING);
            props.put(DECLARED_CLASS, d.className());
            if (d.type() != null) {
                props.put(DECLARED_TYPE, d.type());
            }
            try {
                registrations.add(context.registerService(PluginInterface.class, adapt(bundle, d, version), props));
            } catch (IllegalStateException e) {
                break; // the bundle stopped meanwhile; removedBundle is not called for it
            }
        }
        return registrations;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<PluginInterface>> regs) {
        // declarations only change with a bundle update, which stops the bundle first
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<PluginInterface>> regs) {
        for (ServiceRegistration<PluginInterface> r : regs) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
    }

    static PluginInterface adapt(Bundle bundle, LegacyDeclaration d, String version) {
        if (d.problem() != null) {
            return LegacyPlugin.unusable(d, version, d.problem());
        }
        Class<?> cls;
        try {
            cls = bundle.loadClass(d.className());
        } catch (ClassNotFoundException | LinkageError e) {
            return LegacyPlugin.unusable(d, version, d.describe() + ": class cannot be loaded ("
                    + LegacyConstructor.oneLine(e) + ")");
        }
        if (d.form() == LegacyDeclaration.Form.CONSTRUCTOR) {
            return LegacyPlugin.of(d, version, cls);
        }
        try {
            return ServiceLoaderPlugin.of(d, cls);
        } catch (LegacyPluginException e) {
            return LegacyPlugin.unusable(d, version, e.getMessage());
        }
    }

    /** Bundles with Declarative Services components publish their plugins themselves; the file is theirs. */
    static List<LegacyDeclaration> declarations(Bundle bundle) {
        List<LegacyDeclaration> all = new ArrayList<>(
                LegacyDeclaration.parseHeader(bundle.getHeaders("").get(LegacyDeclaration.HEADER)));
        URL services = bundle.getHeaders("").get("Service-Component") == null
                ? bundle.getEntry(LegacyDeclaration.SERVICES) : null;
        if (services != null) {
            try (InputStream in = services.openStream()) {
                all.addAll(LegacyDeclaration.parseServices(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                all.add(new LegacyDeclaration(LegacyDeclaration.Form.SERVICE_LOADER, null,
                        LegacyDeclaration.SERVICES, LegacyDeclaration.SERVICES + " cannot be read: " + e.getMessage()));
            }
        }
        return all;
    }
}
