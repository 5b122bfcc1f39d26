package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.log.LogReaderService;

/** Warn mode (the default): every plugin loads; one that is not trusted carries a tag saying so. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrustWarnIT extends TestSupport {

    @Inject
    private LogReaderService logReader;

    @Override
    protected Option[] extraOptions() {
        // no llmrecon.trust.policy: warn is the default
        return new Option[] {frameworkProperty("llmrecon.trust.store").value(TrustJars.trustStore().toString()),
                frameworkProperty("llmrecon.trust.store.password").value(TrustJars.PASSWORD)};
    }

    @Test
    public void unsignedLoadsTaggedUnsigned() throws Exception {
        long id = installThroughManager(TrustJars.unsigned()).bundleId();

        PluginInfo info = awaitBundle(id, PluginState.ACTIVE);
        assertEquals(List.of("unsigned"), info.metadata().tags());
        assertNull("an active plugin has no reason", info.reason());
        assertEquals("signed-echo 1.0.0: hi", chat("signed-echo", "hi"));
        String location = context.getBundle(id).getLocation();
        waitFor(() -> logged().stream().anyMatch(m -> m.contains(location) && m.contains("not trusted: unsigned")),
                DEADLINE, () -> "a warning naming " + location + " logged; log: " + logged());
        assertTrue("the log shows the trust store password",
                logged().stream().noneMatch(m -> m.contains(TrustJars.PASSWORD)));
    }

    @Test
    public void tamperedLoadsTaggedUntrusted() throws Exception {
        long id = installThroughManager(TrustJars.tampered()).bundleId();

        PluginInfo info = awaitBundle(id, PluginState.ACTIVE);
        assertEquals(List.of("untrusted"), info.metadata().tags());
        assertEquals("the modified entry is what runs", "tampered: hi", chat("signed-echo", "hi"));
    }

    private List<String> logged() {
        return Collections.list(logReader.getLog()).stream().map(e -> e.getMessage() + " " + e.getException())
                .collect(Collectors.toList());
    }

    @Test
    public void signedByTheTrustedSignerIsNotTagged() throws Exception {
        long id = installThroughManager(TrustJars.signed()).bundleId();

        PluginInfo info = awaitBundle(id, PluginState.ACTIVE);
        assertTrue("tags: " + info.metadata().tags(), info.metadata().tags().isEmpty());
    }
}
