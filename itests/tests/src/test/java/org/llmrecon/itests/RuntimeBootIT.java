package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.FrameworkInfo;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/** The runtime's bundle set resolves and starts on Felix, and its services are there. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeBootIT extends TestSupport {

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private FrameworkInfo frameworkInfo;

    @Inject
    private ConfigManager configManager;

    @Inject
    private PluginDiscovery discovery;

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null)
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " state " + b.getState())
                .collect(Collectors.toList());
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
    }

    @Test
    public void runtimeComponentsAreSatisfied() {
        Bundle runtime = Arrays.stream(context.getBundles())
                .filter(b -> "org.llmrecon.core-runtime".equals(b.getSymbolicName())).findFirst().orElse(null);
        assertNotNull("core-runtime bundle installed", runtime);
        List<String> unsatisfied = scr.getComponentDescriptionDTOs(runtime).stream()
                .filter(d -> !"org.llmrecon.runtime.internal.SidecarInstaller".equals(d.name))
                .filter(d -> d.configurationPolicy == null || !d.configurationPolicy.equals("require"))
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).isEmpty()
                        ? java.util.stream.Stream.of(d.name + ": no configuration")
                        : scr.getComponentConfigurationDTOs(d).stream()
                                .filter(c -> c.state != ComponentConfigurationDTO.ACTIVE
                                        && c.state != ComponentConfigurationDTO.SATISFIED)
                                .map(c -> d.name + ": state " + c.state
                                        + (c.failure == null ? "" : " failure " + c.failure)))
                .collect(Collectors.toList());
        assertTrue("runtime components not satisfied: " + unsatisfied, unsatisfied.isEmpty());
    }

    @Test
    public void frameworkVersionIsTheApiVersion() {
        assertEquals("1.0.0", frameworkInfo.version());
    }

    @Test
    public void noPluginsYet() {
        assertTrue("no plugin installed, yet listed: " + describePlugins(), pluginManager.plugins().isEmpty());
        assertTrue("provider types offered with no plugin: " + factory.providerTypes(),
                factory.providerTypes().isEmpty());
        assertNotNull(configManager.config("echo"));
        assertTrue(discovery.discover().isEmpty());
    }
}
