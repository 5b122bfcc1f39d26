package org.llmrecon.runtime.internal.trust;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The trust policy for plugin bundles, set by framework properties. In
 * enforce mode it registers a resolver hook (itself, not through DS, so that
 * the hook is in place before it re-checks bundles resolved before it came)
 * that keeps untrusted plugins from resolving; the plugin manager lists them
 * with {@link #refusal(Bundle)}. In warn mode {@link #marked(PluginInfo)}
 * adds the tag {@code unsigned} or {@code untrusted} to such a plugin.
 */
@Component(service = TrustGate.class, immediate = true)
public final class TrustGate {

    private final BundleContext context;
    private final long self;
    private final TrustMode mode;
    private final PluginFolders plugins;
    private final TrustChecker checker;
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private final ServiceRegistration<ResolverHookFactory> hook;
    private final Logger logger;
    private final ExecutorService warnings = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "llmrecon-trust-warnings");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param context the runtime bundle's context
     * @param plugins the rule for which bundles are plugins
     * @param logger where refusals and warnings go, or {@code null} without a log service
     */
    @Activate
    public TrustGate(BundleContext context, @Reference PluginFolders plugins,
            @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        this.context = context;
        this.self = context.getBundle().getBundleId();
        this.logger = logger;
        TrustMode parsed = TrustMode.parse(context.getProperty(RuntimeProperties.TRUST_POLICY));
        this.mode = parsed == null ? TrustMode.ENFORCE : parsed;
        this.plugins = plugins;
        String password = context.getProperty(RuntimeProperties.TRUST_STORE_PASSWORD);
        TrustAnchors anchors = TrustAnchors.load(path(context.getProperty(RuntimeProperties.TRUST_STORE)),
                password == null ? null : password.toCharArray());
        this.checker = new TrustChecker(anchors, new AllowList(path(context.getProperty(RuntimeProperties.TRUST_ALLOW))));
        if (parsed == null) {
            log(RuntimeProperties.TRUST_POLICY + ": '" + context.getProperty(RuntimeProperties.TRUST_POLICY) + "' is not off, warn or enforce; enforcing");
        }
        if (anchors.problem() != null && mode != TrustMode.OFF) {
            log(anchors.problem() + "; no signer is trusted");
        }
        this.hook = mode == TrustMode.ENFORCE
                ? context.registerService(ResolverHookFactory.class, new TrustHook(this::refused), null) : null;
        if (hook != null) {
            unresolveRefused();
        }
    }

    @Deactivate
    void deactivate() {
        warnings.shutdown();
        if (hook != null) {
            try {
                hook.unregister();
            } catch (IllegalStateException e) {
                // already gone with the runtime bundle
            }
        }
    }

    /**
     * @param bundle an installed bundle
     * @return in enforce mode, why an unresolved plugin bundle is not trusted; otherwise {@code null}
     */
    public String refusal(Bundle bundle) {
        if (mode != TrustMode.ENFORCE || bundle.getState() != Bundle.INSTALLED || !checked(bundle)) {
            return null;
        }
        Verdict v = verdict(bundle);
        return v.trusted() ? null : v.reason();
    }

    /**
     * @param info a listed plugin
     * @return in warn mode, the plugin with tag {@code unsigned} or {@code untrusted} when it is not trusted;
     *         otherwise {@code info}
     */
    public PluginInfo marked(PluginInfo info) {
        Bundle bundle = info.bundleId() < 0 || mode != TrustMode.WARN ? null : context.getBundle(info.bundleId());
        if (bundle == null || !checked(bundle)) {
            return info;
        }
        Verdict v = verdict(bundle);
        if (v.trusted() || info.metadata().tags().contains(v.tag())) {
            return info;
        }
        List<String> tags = new ArrayList<>(info.metadata().tags());
        tags.add(v.tag());
        return info.toBuilder().metadata(info.metadata().toBuilder().tags(tags).build()).build();
    }

    private boolean refused(Bundle bundle) {
        return checked(bundle) && !verdict(bundle).trusted();
    }

    /** The runtime's own bundles are never checked: the system bundle, this one, and the ones no plugin. */
    private boolean checked(Bundle bundle) {
        return bundle.getBundleId() != 0 && bundle.getBundleId() != self && plugins.isPlugin(bundle);
    }

    private Verdict verdict(Bundle bundle) {
        Path file = PluginFolders.file(bundle.getLocation());
        Verdict v;
        try {
            v = file == null ? Verdict.refused(Verdict.UNTRUSTED, "installed from " + bundle.getLocation()
                    + ", which is not a file, so its signature cannot be checked") : checker.check(file);
        } catch (RuntimeException e) {
            // the resolver hook must not throw: that would fail the resolution of every bundle in the operation
            v = Verdict.refused(Verdict.UNTRUSTED, file + " cannot be checked (" + e + ")");
        }
        if (!v.trusted() && logger != null && told.add(bundle.getLocation() + "@" + bundle.getLastModified() + v.tag())) {
            // the reason of an unsigned jar names its hash: read off the resolver's and the listing's thread
            String what = (mode == TrustMode.ENFORCE ? "plugin refused, " : "plugin loaded although ") + bundle.getLocation();
            try {
                Verdict shown = v;
                warnings.execute(() -> log(what + " is " + shown.reason()));
            } catch (RejectedExecutionException e) {
                // the gate is gone with the runtime: nobody reads its log any more
            }
        }
        return v;
    }

    /** A plugin resolved before the hook was registered is unresolved now; the hook keeps it so. */
    private void unresolveRefused() {
        List<Bundle> refused = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if ((b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0
                    && refused(b)) {
                refused.add(b);
            }
        }
        if (!refused.isEmpty()) {
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(refused);
        }
    }

    private void log(String message) {
        if (logger != null) {
            logger.warn(message);
        }
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.trim()).toAbsolutePath().normalize();
    }
}
