package org.llmrecon.runtime.internal.folders;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

/**
 * The File Install watcher settings for our folders. Plugin folders:
 * {@code *.jar} and {@code *.jar.metadata.json} only, new bundles started,
 * first scan at once; scanned when file-system events say so and every
 * {@link #FALLBACK_POLL} besides, or at {@code llmrecon.plugins.poll} in a
 * folder that gives no events.
 * File Install reports a file only once its size and modification time are
 * the same on two scans in a row, and {@code SettledJarTransformer} hands it
 * over only once it reads as a complete bundle, so a jar still being copied
 * waits; dropping by an atomic rename avoids even that window.
 */
final class FolderSettings {
    static final String FACTORY_PID = "org.apache.felix.fileinstall";
    static final String DIR = "felix.fileinstall.dir";
    static final String PLUGIN_FILTER = ".*\\.jar(\\.metadata\\.json)?";
    static final String ETC_FILTER = ".*\\.(cfg|config|json)";

    private FolderSettings() {
    }

    /** The poll of a folder that file-system events watch: a safety net for events a file system loses. */
    static final long FALLBACK_POLL = 2000;
    /**
     * After an event the scanners are woken this often at first (a wake-up during a scan is lost; File
     * Install reports a file at the second of two equal scans, so this is the least a detected drop waits) ...
     */
    static final Duration WAKE_STEP = Duration.ofMillis(1);
    /** ... then less and less often until this long after the last event, where the fallback poll takes over. */
    static final Duration WAKE_WINDOW = Duration.ofMillis(FALLBACK_POLL);

    /** @return the watcher of these folders' events */
    static FolderEvents events(List<Path> folders, Runnable wake) {
        return new FolderEvents(folders, wake, WAKE_STEP, WAKE_WINDOW);
    }

    /**
     * @param configured {@code llmrecon.plugins.poll} in milliseconds
     * @param events whether file-system events arrive for the folder
     * @return the folder's poll: the fallback where events wake the scans, else the configured poll
     */
    static long pluginPoll(long configured, boolean events) {
        return events ? FALLBACK_POLL : configured;
    }

    static Hashtable<String, Object> plugins(Path folder, File tmp, long pollMillis) {
        Hashtable<String, Object> p = common(folder, tmp, Long.toString(pollMillis));
        p.put("felix.fileinstall.filter", PLUGIN_FILTER);
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.bundles.startTransient", "false");
        // File Install's default ("managed") parses every managed bundle's Import-Package on each drop to find
        // optional imports the new bundle could satisfy: 3 ms per deploy beside 200 plugins, growing with the
        // folder. A plugin that wants such a library is wired by llm:reload (README, troubleshooting).
        p.put("felix.fileinstall.optionalImportRefreshScope", "none");
        return p;
    }

    static Hashtable<String, Object> etc(Path folder, File tmp, boolean events) {
        Hashtable<String, Object> p = common(folder, tmp, events ? Long.toString(FALLBACK_POLL) : "100");
        p.put("felix.fileinstall.filter", ETC_FILTER);
        // never rewrite a person's files when a configuration changes through Config Admin; File Install 3.7.4
        // reads this from the framework properties only (the launcher sets it), so this is for later versions
        p.put("felix.fileinstall.enableConfigSave", "false");
        return p;
    }

    private static Hashtable<String, Object> common(Path folder, File tmp, String poll) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(DIR, folder.toString());
        p.put("felix.fileinstall.poll", poll);
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.subdir.mode", "skip");
        p.put("felix.fileinstall.log.level", "1");
        if (tmp != null) {
            p.put("felix.fileinstall.tmpdir", tmp.toString());
        }
        return p;
    }

    /** @return the folders of a {@link File#pathSeparator}-separated property, absolute; empty when unset */
    static List<Path> paths(String property, String separator) {
        if (property == null || property.isBlank()) {
            return List.of();
        }
        return Arrays.stream(property.split(java.util.regex.Pattern.quote(separator))).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
    }
}
