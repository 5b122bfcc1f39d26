package org.llmrecon.provider.openai;

import java.io.File;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A manual tool, not a test (the build compiles it, never runs it): boots Felix with the given bundles (SCR, Jackson,
 * core-api, this bundle), checks that this bundle resolves and publishes its PluginInterface, makes one call
 * against BASE_URL (a loopback server, no key), then uninstalls the bundle and waits for its class loader
 * to be collected. Usage: {@code FelixCheck BASE_URL BUNDLE.jar...}. The API types live in the core-api
 * bundle's class loader, so calls go through reflection.
 */
public final class FelixCheck {
    private FelixCheck() {
    }

    public static void main(String[] args) throws Exception {
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, "target/felix-check", Constants.FRAMEWORK_STORAGE_CLEAN,
                Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        try {
            check(framework, args);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private static void check(Framework framework, String[] args) throws Exception {
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String path : Arrays.asList(args).subList(1, args.length)) {
            bundles.add(context.installBundle(new File(path).toURI().toString()));
        }
        for (Bundle bundle : bundles) {
            bundle.start();
            System.out.println("started " + bundle.getSymbolicName() + " " + bundle.getVersion());
        }
        Bundle api = bundles.stream().filter(b -> b.getSymbolicName().equals("org.llmrecon.core-api")).findFirst().orElseThrow();
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, "org.llmrecon.api.plugin.PluginInterface", null);
        tracker.open(true); // this class path holds its own copy of core-api: track services of any class space
        Object plugin = tracker.waitForService(10_000);
        Bundle mine = tracker.getServiceReference().getBundle();
        System.out.println("PluginInterface from " + mine.getSymbolicName() + ", metadata "
                + plugin.getClass().getMethod("getMetadata").invoke(plugin));
        Class<?> configType = api.loadClass("org.llmrecon.api.provider.ProviderConfig");
        Object builder = configType.getMethod("builder", String.class).invoke(null, "openai");
        builder.getClass().getMethod("baseUrl", String.class).invoke(builder, args[0]);
        builder.getClass().getMethod("defaultModel", String.class).invoke(builder, "gpt-4o-mini");
        Object config = builder.getClass().getMethod("build").invoke(builder);
        Class<?> pluginType = api.loadClass("org.llmrecon.api.plugin.PluginInterface");
        pluginType.getMethod("validateConfig", configType).invoke(plugin, config);
        Object provider = pluginType.getMethod("createProvider", configType).invoke(plugin, config);
        Class<?> providerType = api.loadClass("org.llmrecon.api.provider.Provider");
        System.out.println("countTokens (jtokkit inside the bundle): "
                + providerType.getMethod("countTokens", String.class, String.class).invoke(provider, "hello world", "gpt-4o"));
        Class<?> requestType = api.loadClass("org.llmrecon.api.provider.ChatRequest");
        Object request = requestType.getMethod("builder").invoke(null);
        request.getClass().getMethod("user", String.class).invoke(request, "hello from felix");
        Object answer = providerType.getMethod("chat", requestType).invoke(provider,
                request.getClass().getMethod("build").invoke(request));
        System.out.println("chat: " + answer.getClass().getMethod("text").invoke(answer));
        providerType.getMethod("close").invoke(provider);

        ReferenceQueue<ClassLoader> queue = new ReferenceQueue<>();
        WeakReference<ClassLoader> loader = new WeakReference<>(mine.adapt(BundleWiring.class).getClassLoader(), queue);
        plugin = provider = answer = null;
        tracker.close();
        mine.uninstall();
        framework.adapt(FrameworkWiring.class).refreshBundles(null);
        long deadline = System.nanoTime() + 30_000_000_000L;
        int collections = 0;
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            collections++;
            queue.remove(200);
        }
        System.out.println("bundle class loader collected: " + (loader.get() == null) + " after " + collections
                + " GCs; threads left: " + Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                        .filter(n -> n.startsWith("llmrecon-openai") || n.startsWith("HttpClient")).toList());
    }
}
