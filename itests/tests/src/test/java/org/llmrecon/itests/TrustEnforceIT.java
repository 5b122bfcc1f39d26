package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.workFolder;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.runtime.PluginState;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/** Enforce mode: only a plugin signed by a trusted signer, or allowed by SHA-256, resolves; no other runs. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrustEnforceIT extends TestSupport {
    private static final String ALLOW = "llmrecon.trust.allow";

    @Override
    protected Option[] extraOptions() {
        Path allow;
        try {
            allow = Files.writeString(workFolder("trust-allow").resolve("allowed-sha256.txt"), "# none yet\n",
                    StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the allow file", e);
        }
        return new Option[] {frameworkProperty("llmrecon.trust.policy").value("enforce"),
                frameworkProperty("llmrecon.trust.store").value(TrustJars.trustStore().toString()),
                frameworkProperty("llmrecon.trust.store.password").value(TrustJars.PASSWORD),
                frameworkProperty(ALLOW).value(allow.toString())};
    }

    @Test
    public void signedByTheTrustedSignerIsServed() throws Exception {
        long id = installThroughManager(TrustJars.signed()).bundleId();

        PluginInfo info = awaitBundle(id, PluginState.ACTIVE);
        assertEquals("signed-echo 1.0.0: hi", chat("signed-echo", "hi"));
        assertFalse("a trusted plugin is not tagged: " + info.metadata().tags(),
                info.metadata().tags().contains("unsigned") || info.metadata().tags().contains("untrusted"));
    }

    @Test
    public void tamperedIsRejectedNamingTheEntryAndNeverStarted() throws Exception {
        PluginInfo info = installThroughManager(TrustJars.tampered());

        assertEquals(PluginState.REJECTED, info.state());
        assertEquals("not trusted: signature does not verify (entry " + TrustJars.TAMPERED_ENTRY + " was modified)",
                info.reason());
        assertNeverStarted(info);
    }

    @Test
    public void unsignedIsRejectedNamingItsHashAndNeverStarted() throws Exception {
        Path allow = Path.of(context.getProperty(ALLOW));
        Files.writeString(allow, "# none yet\n", StandardCharsets.UTF_8);
        Path jar = TrustJars.unsigned();
        PluginInfo info = installThroughManager(jar);

        assertEquals(PluginState.REJECTED, info.state());
        assertEquals("not trusted: unsigned and its SHA-256 " + TrustJars.sha256(jar) + " is not in " + allow,
                info.reason());
        assertNeverStarted(info);
        assertFalse("the trust store password is never shown", describePlugins().contains(TrustJars.PASSWORD));
    }

    @Test
    public void unsignedWhoseHashIsAllowedIsServed() throws Exception {
        Path jar = TrustJars.unsigned();
        Files.writeString(Path.of(context.getProperty(ALLOW)), "# reviewed by hand\n" + TrustJars.sha256(jar)
                + "  # itest-signed-plugin, unsigned\n", StandardCharsets.UTF_8);
        long id = installThroughManager(jar).bundleId();

        awaitBundle(id, PluginState.ACTIVE);
        assertEquals("signed-echo 1.0.0: allowed", chat("signed-echo", "allowed"));
    }

    /** Its bundle never resolved, so no class of it loaded: no component, no service, no provider type. */
    private void assertNeverStarted(PluginInfo info) throws Exception {
        Bundle bundle = context.getBundle(info.bundleId());
        try {
            bundle.start();
            fail("an untrusted plugin started");
        } catch (BundleException e) {
            // the resolver hook keeps it from resolving
        }
        assertEquals("bundle state", Bundle.INSTALLED, bundle.getState());
        assertNull("component never activated", System.getProperty(TrustJars.ACTIVATED + bundle.getLocation()));
        assertTrue("no plugin service from it", context.getServiceReferences(PluginInterface.class, null).stream()
                .noneMatch(r -> r.getBundle() == bundle));
        assertFalse(factory.providerTypes().contains("signed-echo"));
        assertTrue("the runtime's own bundles run", Arrays.stream(context.getBundles())
                .filter(b -> "org.llmrecon.core-runtime".equals(b.getSymbolicName()))
                .allMatch(b -> b.getState() == Bundle.ACTIVE));
    }
}
