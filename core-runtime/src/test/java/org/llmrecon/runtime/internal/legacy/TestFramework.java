package org.llmrecon.runtime.internal.legacy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** A real Felix framework for a test, started in a temporary storage folder. */
public final class TestFramework implements AutoCloseable {
    /** The API packages as the system bundle exports them in tests that share the API classes with the test. */
    static final String API_FROM_CLASSPATH = "org.llmrecon.api.plugin;version=1.0.0,"
            + "org.llmrecon.api.provider;version=1.0.0";

    private final Framework framework;

    /** @param extraSystemPackages packages the system bundle exports from the test's class path, or {@code null} */
    public TestFramework(Path storage, String extraSystemPackages) throws BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        if (extraSystemPackages != null) {
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extraSystemPackages);
        }
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        framework.start();
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    boolean resolve(Bundle bundle) {
        return framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
    }

    /** Refreshes after an uninstall and waits until the framework is done. */
    void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), e -> done.countDown());
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("package refresh did not finish");
        }
    }

    /** @return the bundle that provides {@code pkg} to {@code bundle} */
    static Bundle exporterOf(Bundle bundle, String pkg) {
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
        framework.waitForStop(30_000);
    }
}
