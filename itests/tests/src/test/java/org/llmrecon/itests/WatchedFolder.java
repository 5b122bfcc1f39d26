package org.llmrecon.itests;

import static org.llmrecon.itests.Bundles.workFolder;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/**
 * A folder File Install watches, as a user sees it: files are dropped in,
 * replaced and deleted whole. Every change is staged in a sibling folder and
 * moved in at once, so the watcher never sees half a file.
 */
final class WatchedFolder {
    /** Framework property naming the folder File Install watches. */
    static final String PROPERTY = "felix.fileinstall.dir";

    private final Path folder;

    /** @param folder the watched folder */
    WatchedFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * @param purpose names the fresh folders
     * @return File Install watching a fresh folder every 100 ms, which the runtime also lists as a plugin folder,
     *         and wrapping plain jars in a scratch folder under target/, not /tmp
     */
    static Option[] options(String purpose) {
        Path folder;
        Path scratch;
        try {
            folder = workFolder(purpose);
            scratch = workFolder(purpose + "-tmp");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the watched folder", e);
        }
        return new Option[] {frameworkProperty(PROPERTY).value(folder.toString()),
                frameworkProperty("llmrecon.plugins.dirs").value(folder.toString()),
                frameworkProperty("felix.fileinstall.poll").value("100"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.tmpdir").value(scratch.toString())};
    }

    /** @return the folder itself */
    Path path() {
        return folder;
    }

    /**
     * @param source a jar
     * @param fileName its name in the folder
     * @return the dropped file
     */
    Path drop(Path source, String fileName) throws IOException {
        return moveIn(Files.copy(source, staging().resolve(fileName)), folder.resolve(fileName));
    }

    /**
     * Replaces a file in the folder by another one's content, dated later than
     * the file it replaces so that File Install sees a change even when both
     * have the same size within one clock tick.
     *
     * @param target a file in the folder
     * @param source the new content
     */
    void replace(Path target, Path source) throws IOException {
        Path staged = Files.copy(source, staging().resolve(target.getFileName()));
        long later = Math.max(System.currentTimeMillis(), Files.getLastModifiedTime(target).toMillis() + 2_000);
        Files.setLastModifiedTime(staged, FileTime.fromMillis(later));
        moveIn(staged, target);
    }

    /**
     * @param jar a jar in the folder
     * @param json the sidecar's content
     */
    void writeSidecar(Path jar, String json) throws IOException {
        Path sidecar = folder.resolve(jar.getFileName() + ".metadata.json");
        Path staged = Files.writeString(staging().resolve(sidecar.getFileName()), json, StandardCharsets.UTF_8);
        if (Files.exists(sidecar)) {
            long later = Math.max(System.currentTimeMillis(), Files.getLastModifiedTime(sidecar).toMillis() + 2_000);
            Files.setLastModifiedTime(staged, FileTime.fromMillis(later));
        }
        moveIn(staged, sidecar);
    }

    /** @param jar a jar in the folder whose sidecar goes */
    void deleteSidecar(Path jar) throws IOException {
        Files.delete(folder.resolve(jar.getFileName() + ".metadata.json"));
    }

    /** Deletes every file in the folder. */
    void clear() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.toList();
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }

    /** @param location a bundle location @return whether it names a file in this folder */
    boolean holds(String location) {
        String url = location == null ? "" : location.replaceFirst("^reference:", "");
        Path file = !url.startsWith("file:") ? null : Path.of(URI.create(url)).toAbsolutePath().normalize();
        return file != null && folder.toAbsolutePath().normalize().equals(file.getParent());
    }

    private Path staging() throws IOException {
        return Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-staging"));
    }

    private static Path moveIn(Path staged, Path target) throws IOException {
        return Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
