package org.llmrecon.runtime.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.BooleanSupplier;

import org.llmrecon.testing.EventWait;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A real Felix framework for a core-runtime IT, started in a temporary
 * storage folder: the one bootstrap of every core-runtime test that boots a
 * framework (the Pax Exam ITs in itests have their own container).
 */
public final class TestFramework implements AutoCloseable {
    /** The API packages as the system bundle exports them in tests that share the API classes with the test. */
    public static final String API_FROM_CLASSPATH = "org.llmrecon.api.plugin;version=1.0.0,"
            + "org.llmrecon.api.provider;version=1.0.0";

    /** How long the framework gets to react; generous for a busy 2-core machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Framework framework;

    /**
     * @param storage the framework's storage folder, cleaned on start
     * @param extraSystemPackages packages the system bundle exports from the test's class path
     */
    public TestFramework(Path storage, String extraSystemPackages) throws BundleException {
        this(storage, Map.of(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extraSystemPackages));
    }

    /**
     * @param storage the framework's storage folder, cleaned on start
     * @param properties further framework properties
     */
    public TestFramework(Path storage, Map<String, String> properties) throws BundleException {
        Map<String, String> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        framework.start();
    }

    /** @return the system bundle's context */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** @return the system bundle */
    public Bundle systemBundle() {
        return framework;
    }

    /** @param bundle an installed bundle @return whether the framework resolved it */
    public boolean resolve(Bundle bundle) {
        return framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
    }

    /** Refreshes after an uninstall and waits until the framework is done. */
    public void refresh(Bundle bundle) {
        new EventWait(context()).refresh(List.of(bundle), DEADLINE);
    }

    /**
     * Waits until a condition holds, woken by this framework's events; see {@link EventWait}.
     *
     * @param condition checked until true
     * @param description what was awaited, for the failure message
     */
    public void await(BooleanSupplier condition, String description) {
        new EventWait(context()).until(condition, DEADLINE, description);
    }

    /** @return the bundle that provides {@code pkg} to {@code bundle} */
    public static Bundle exporterOf(Bundle bundle, String pkg) {
        for (BundleWire w : bundle.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
            if (pkg.equals(w.getCapability().getAttributes().get("osgi.wiring.package"))) {
                return w.getProvider().getBundle();
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(DEADLINE.toMillis());
    }
}
