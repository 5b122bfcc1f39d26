package org.llmrecon.runtime.internal.folders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSettingsTest {
    @TempDir
    Path dir;

    @Test
    void filtersAcceptOnlyWhatTheFolderIsFor() {
        Pattern plugins = Pattern.compile(FolderSettings.PLUGIN_FILTER);
        assertTrue(plugins.matcher("a.jar").matches());
        assertTrue(plugins.matcher("a.jar.metadata.json").matches());
        assertTrue(!plugins.matcher("a.jar.part").matches() && !plugins.matcher("a.json").matches());
        Pattern etc = Pattern.compile(FolderSettings.ETC_FILTER);
        assertTrue(etc.matcher("x.cfg").matches() && etc.matcher("x.config").matches()
                && etc.matcher("x.json").matches());
        assertTrue(!etc.matcher("x.cfg.swp").matches() && !etc.matcher("x.jar").matches());
    }

    @Test
    void pluginWatcherSettingsAreTheFastSafeOnes() {
        var p = FolderSettings.plugins(dir, null, 25);
        assertEquals(dir.toString(), p.get("felix.fileinstall.dir"));
        assertEquals("25", p.get("felix.fileinstall.poll"));
        assertEquals("true", p.get("felix.fileinstall.noInitialDelay"));
        assertEquals("true", p.get("felix.fileinstall.bundles.new.start"));
        assertEquals("false", FolderSettings.etc(dir, null, true).get("felix.fileinstall.enableConfigSave"));
        assertEquals(java.util.List.of(Path.of("/a"), Path.of("/b/c")), FolderSettings.paths(" /a ,/b/x/../c,", ","));
        assertEquals(java.util.List.of(), FolderSettings.paths(null, ","));
        assertEquals("2000", FolderSettings.etc(dir, null, true).get("felix.fileinstall.poll"));
        assertEquals("100", FolderSettings.etc(dir, null, false).get("felix.fileinstall.poll"));
    }

    @Test
    void pluginPollIsAFallbackWhereEventsComeAndTheConfiguredOneWhereNot() {
        assertEquals(FolderSettings.FALLBACK_POLL, FolderSettings.pluginPoll(25, true));
        assertEquals(25, FolderSettings.pluginPoll(25, false));
    }

    @Test
    void pluginFoldersListJarsAndSidecarsAndMapLocationsToFiles() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jar"), "x");
        Path sidecar = Files.writeString(dir.resolve("gone.jar.metadata.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "x");
        PluginFolders folders = new PluginFolders(List.of(dir.toAbsolutePath().normalize()));
        PluginFolders.Contents c = folders.contents();
        assertEquals(List.of(a.toAbsolutePath().normalize()), c.jars());
        assertEquals(List.of(sidecar.toAbsolutePath().normalize()), c.sidecars());
        assertEquals(dir.resolve("gone.jar").toAbsolutePath().normalize(), PluginFolders.jarOf(c.sidecars().get(0)));
        assertTrue(folders.inFolder(a));
        assertFalse(folders.inFolder(dir.getParent().resolve("elsewhere.jar")));
        assertEquals(a.toAbsolutePath().normalize(), PluginFolders.file("reference:" + a.toUri()));
        assertEquals(null, PluginFolders.file("mvn:org.example/x/1"));
    }

    @Test
    void aFolderIsListedAgainWhenAFileIsAddedOrRemoved() throws Exception {
        PluginFolders folders = new PluginFolders(List.of(dir.toAbsolutePath().normalize()));
        assertEquals(List.of(), folders.contents().jars());
        Path b = Files.writeString(dir.resolve("b.jar"), "x");
        Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(dir).toMillis() + 2000));
        assertEquals(List.of(b.toAbsolutePath().normalize()), folders.contents().jars());
    }
}
