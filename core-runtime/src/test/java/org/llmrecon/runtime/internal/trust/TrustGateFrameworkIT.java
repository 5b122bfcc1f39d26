package org.llmrecon.runtime.internal.trust;

import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.llmrecon.api.runtime.RuntimeProperties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.runtime.testing.TestFramework;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;

/** The gate on a real Felix: which bundles it keeps from resolving, what it lists and tags. */
class TrustGateFrameworkIT {
    @TempDir
    Path dir;
    private TestFramework framework;

    private TestFramework boot(String policy) throws BundleException {
        framework = new TestFramework(dir.resolve("felix"), Map.of(RuntimeProperties.TRUST_POLICY, policy));
        return framework;
    }

    private TrustGate start(String policy) throws BundleException {
        return gate(boot(policy));
    }

    private static TrustGate gate(TestFramework framework) {
        return new TrustGate(framework.context(), new PluginFolders(framework.context()), null);
    }

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.close();
        }
    }

    private Bundle install(String name, boolean plugin) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, name);
        if (plugin) {
            a.putValue("LLMrecon-Provider-Type", name);
        }
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return framework.context().installBundle(jar.toUri().toString());
    }

    private boolean resolve(Bundle b) {
        return framework.resolve(b);
    }

    @Test
    void enforceKeepsAnUnsignedPluginFromResolvingAndSaysWhy() throws Exception {
        TrustGate gate = start("enforce");
        Bundle plugin = install("untrusted", true);
        Bundle library = install("library", false);

        assertFalse(resolve(plugin));
        assertThrows(BundleException.class, plugin::start);
        assertEquals(Bundle.INSTALLED, plugin.getState());
        assertTrue(gate.refusal(plugin).startsWith("not trusted: unsigned, its SHA-256 is "), gate.refusal(plugin));
        assertTrue(resolve(library), "a bundle that is no plugin is never checked");
        assertNull(gate.refusal(library));
        assertNull(gate.refusal(framework.systemBundle()), "the framework is never checked");
    }

    @Test
    void enforceUnresolvesAPluginThatResolvedBeforeTheGate() throws Exception {
        boot("enforce");
        Bundle early = install("early", true);
        assertTrue(resolve(early));
        AtomicBoolean refreshed = new AtomicBoolean();
        framework.context().addFrameworkListener(e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.set(true);
            }
        });

        gate(framework);

        framework.await(refreshed::get, "packages refreshed");
        assertEquals(Bundle.INSTALLED, early.getState());
        assertFalse(resolve(early));
    }

    @Test
    void warnLetsItResolveAndTagsItUnsigned() throws Exception {
        TrustGate gate = start("warn");
        Bundle plugin = install("unsigned", true);

        assertTrue(resolve(plugin));
        assertNull(gate.refusal(plugin));
        PluginInfo info = PluginInfo.builder().name("unsigned").providerType("unsigned").version("1.0.0")
                .state(PluginState.ACTIVE).location(plugin.getLocation()).bundleId(plugin.getBundleId())
                .metadata(PluginMetadata.builder().tags(List.of("beta")).build()).build();
        assertEquals(List.of("beta", "unsigned"), gate.marked(info).metadata().tags());
        assertEquals(List.of("beta", "unsigned"), gate.marked(gate.marked(info)).metadata().tags(), "tagged once");
    }

    @Test
    void offChecksNothing() throws Exception {
        TrustGate gate = start("off");
        Bundle plugin = install("unchecked", true);

        assertTrue(resolve(plugin));
        PluginInfo info = PluginInfo.builder().name("unchecked").state(PluginState.ACTIVE)
                .location(plugin.getLocation()).bundleId(plugin.getBundleId()).build();
        assertSame(info, gate.marked(info));
    }

    @Test
    void unknownPolicyEnforces() throws Exception {
        start("strict");
        assertFalse(resolve(install("typo", true)));
    }
}
