package org.llmrecon.runtime.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginState;

class PluginCommandsTest {
    private final FakePlugins fake = new FakePlugins();
    private final FakeProviders providers = new FakeProviders();
    private final PluginCommands commands = new PluginCommands(fake, fake, providers, "/w/etc");

    @Test
    void pluginsIsAnAlignedTableWithReasons() {
        fake.plugins.add(FakePlugins.active("Mock", "mock"));
        fake.plugins.add(PluginInfo.builder().name("x.jar").state(PluginState.FAILED).reason("not a zip\nfile")
                .location("/p/x.jar").build());
        assertEquals("""
                NAME   TYPE  VERSION  STATE   BUNDLE  REASON
                Mock   mock  1.2.3    ACTIVE  7       -
                x.jar  -     -        FAILED  -       not a zip file""".stripIndent(), commands.plugins(false));
    }

    @Test
    void noPluginsSaysSo() {
        assertEquals("no plugins", commands.plugins(false));
    }

    @Test
    void pluginsAsJson() {
        fake.plugins.add(FakePlugins.active("Mock", "mock"));
        String json = commands.plugins(true);
        assertTrue(json.startsWith("[ {"), json);
        assertTrue(json.contains("\"providerType\" : \"mock\""), json);
        assertTrue(json.contains("\"supportedModels\" : [ \"m1\", \"m2\" ]"), json);
        assertTrue(json.contains("\"state\" : \"ACTIVE\""), json);
    }

    @Test
    void pluginShowsDetailsAndSkipsWhatIsUnknown() {
        fake.plugins.add(FakePlugins.active("Mock", "mock"));
        assertEquals(String.join("\n",
                "name       Mock",
                "type       mock",
                "version    1.2.3",
                "state      ACTIVE",
                "location   file:/p/mock.jar",
                "bundle     7",
                "author     Ann",
                "models     m1,m2",
                "framework  [1.0.0, ]",
                "tags       t"), commands.plugin(false, "mock"));
    }

    @Test
    void pluginServingItsTypeShowsUsageAndInstances() {
        fake.plugins.add(FakePlugins.active("Echo", "echo"));
        String detail = commands.plugin(false, "echo");
        assertTrue(detail.endsWith(String.join("\n",
                "usage         3 requests, 1 errors, 2 retries, tokens in/out 10/20, p50 5ms, p95 9ms, p99 12ms",
                "usage echo-1  3 requests, 1 errors, 2 retries, tokens in/out 10/20, p50 5ms, p95 9ms, p99 12ms",
                "instances     1 open, 3 created, 2 closed")), detail);
        String json = commands.plugin(true, "echo");
        assertTrue(json.contains("\"usageByModel\" : {\n    \"echo-1\" : {\n      \"requests\" : 3"), json);
        assertTrue(json.contains("\"open\" : 1"), json);
    }

    @Test
    void heapDumpIsWrittenOnceAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dumps/leak.hprof");
        assertEquals("heap dump written to " + file, commands.heapdump(file.toString()));
        assertTrue(Files.size(file) > 0);
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> commands.heapdump(file.toString()));
        assertEquals(file + ": already exists", again.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> commands.heapdump(dir.resolve("leak.bin").toString()));
        assertEquals(dir.resolve("leak.bin") + ": a heap dump file name must end in .hprof", name.getMessage());
    }

    @Test
    void unknownPluginFailsWithOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> commands.plugin(false, "nope"));
        assertEquals("no plugin named 'nope'", e.getMessage());
    }

    @Test
    void validateReportsValidAndInvalidWithoutInstalling() {
        fake.check = new PluginCheck(Path.of("/d/a.jar"), PluginMetadata.builder().name("A").version("2.0.0")
                .providerType("a").build(), List.of());
        assertEquals("a.jar: A 2.0.0 (type a): valid", commands.validate("/d/a.jar"));
        fake.check = new PluginCheck(Path.of("/d/b.jar"), null, List.of("no provider type", "bad version 'x'"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.validate("b.jar"));
        assertEquals("b.jar: invalid: no provider type; bad version 'x'", e.getMessage());
        assertEquals(List.of("check a.jar", "check b.jar"), fake.calls);
    }

    @Test
    void installUninstallReloadDelegate() {
        fake.plugins.add(FakePlugins.active("Mock", "mock"));
        assertEquals("installed Mock 1.2.3 (type mock): ACTIVE", commands.install("/d/m.jar"));
        assertEquals("uninstalled mock", commands.uninstall("mock"));
        assertEquals("reloaded Mock 1.2.3 (type mock): ACTIVE", commands.reload("Mock"));
        assertEquals(List.of("install /d/m.jar", "uninstall mock", "reload Mock"), fake.calls);
        assertThrows(IllegalArgumentException.class, () -> commands.uninstall("nope"));
    }

    @Test
    void dirsListsEveryFolder() {
        assertEquals("plugins  /w/plugins\nplugins  /w/more\netc      /w/etc", commands.dirs());
        assertEquals("plugins  /w/plugins\nplugins  /w/more\netc      -", new PluginCommands(fake, fake, providers, null).dirs());
    }
}
