package org.llmrecon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot deploy and undeploy through File Install, in one Felix started in this process with the runtime
 * bundles (core-api shared from the class path). Deploy: the template jar is moved atomically into the
 * watched folder, then {@code getProvider("mock")} is polled every 0.2 ms until it answers (it creates the
 * provider instance). Undeploy: the jar is deleted, and the time runs until both {@code getProvider} refuses
 * and the runtime has unregistered the type's Provider service, which it does after it has retired and
 * closed the instance. Before each move and each delete the run pauses a random part of the poll period, so
 * the changes do not stay in phase with File Install's scans. Usage: {@code HotDeployMain TRIALS POLL_MS WORKDIR}.
 */
public final class HotDeployMain {
    private static final String BSN = "org.llmrecon.provider-template";

    private HotDeployMain() {
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(args[0]);
        long poll = Long.parseLong(args[1]);
        Path work = Path.of(args[2]);
        Path plugins = work.resolve("plugins");
        Path staging = Files.createDirectories(work.resolve("staging"));
        Map<String, String> props = Felixes.properties(work.resolve("cache"));
        Felixes.watch(props, plugins, poll);
        Felixes.shareApi(props);
        List<Path> bundles = new ArrayList<>(Bundles.base());
        bundles.addAll(Felixes.runtimeWithoutApi());
        AtomicLong unregisteredAt = new AtomicLong();
        Framework f = Felixes.start(props, bundles, c -> {
            try {
                c.addServiceListener(e -> {
                    if (e.getType() == ServiceEvent.UNREGISTERING) {
                        unregisteredAt.set(System.nanoTime());
                    }
                }, "(&(objectClass=org.llmrecon.api.provider.Provider)(provider.type=mock))");
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        BundleContext ctx = f.getBundleContext();
        ServiceTracker<ProviderFactory, ProviderFactory> tracker = new ServiceTracker<>(ctx, ProviderFactory.class, null);
        tracker.open();
        ProviderFactory factory = tracker.waitForService(30_000);
        Path target = plugins.resolve("provider-template.jar");
        List<Double> deploy = new ArrayList<>();
        List<Double> undeploy = new ArrayList<>();
        ChatRequest hello = ChatRequest.builder().model("mock-chat").user("hello").build();
        for (int i = 0; i < trials; i++) {
            Path staged = staging.resolve("provider-template.jar");
            Files.copy(Bundles.plugin("provider-template"), staged, StandardCopyOption.REPLACE_EXISTING);
            // each trial starts just after a scan (the one that saw the last delete); a random pause spreads
            // the moves over the poll period as a user's copies would be
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(poll + 1));
            long t = System.nanoTime();
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            while (!answers(factory)) {
                await(t, "deploy");
            }
            deploy.add((System.nanoTime() - t) / 1e6);
            factory.getProvider("mock").chat(hello);
            unregisteredAt.set(0);
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(poll + 1));
            t = System.nanoTime();
            Files.delete(target);
            while (answers(factory) || unregisteredAt.get() == 0) {
                await(t, "undeploy");
            }
            undeploy.add((Math.max(System.nanoTime(), unregisteredAt.get()) - t) / 1e6);
            while (bundle(ctx) != null) {
                await(t, "uninstall");
            }
        }
        System.out.println("hot deploy, File Install poll " + poll + " ms: " + new Stats(deploy).summary("ms"));
        System.out.println("undeploy,   File Install poll " + poll + " ms: " + new Stats(undeploy).summary("ms"));
        System.out.printf(Locale.ROOT, "raw deploy ms: %s%nraw undeploy ms: %s%n", deploy, undeploy);
        tracker.close();
        Felixes.stop(f);
    }

    private static boolean answers(ProviderFactory factory) {
        try {
            factory.getProvider("mock");
            return true;
        } catch (ProviderUnavailableException e) {
            return false;
        }
    }

    private static Bundle bundle(BundleContext ctx) {
        for (Bundle b : ctx.getBundles()) {
            if (BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static void await(long since, String what) {
        if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(30)) {
            throw new IllegalStateException(what + " did not finish within 30 s");
        }
        LockSupport.parkNanos(200_000);
    }
}
