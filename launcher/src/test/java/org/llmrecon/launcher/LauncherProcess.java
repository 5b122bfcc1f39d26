package org.llmrecon.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The launcher jar run as a separate process in a working folder; every wait has a deadline. */
final class LauncherProcess implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Writer in;

    private LauncherProcess(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), out);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), err);
    }

    static LauncherProcess start(Path workDir, String... args) throws IOException {
        return start(workDir, List.of(), args);
    }

    /** @param jvmArgs given to {@code java} before {@code -jar}, e.g. {@code -Dname=value} */
    static LauncherProcess start(Path workDir, List<String> jvmArgs, String... args) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        return new LauncherProcess(new ProcessBuilder(command).directory(workDir.toFile()).start());
    }

    static Path jar() {
        return Path.of(System.getProperty("launcher.jar", "target/llmrecon-launcher.jar")).toAbsolutePath();
    }

    void send(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    void endInput() throws IOException {
        in.close();
    }

    int exitCode() throws InterruptedException {
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("launcher still running after " + DEADLINE + "; out: " + out() + " err: " + err());
        }
        return process.exitValue();
    }

    /** Waits until a line of standard output matches. */
    String awaitLine(Predicate<String> which, String what) throws InterruptedException {
        return await(out, which, "output line " + what);
    }

    /** Waits until a line of standard error matches. */
    String awaitErrLine(Predicate<String> which, String what) throws InterruptedException {
        return await(err, which, "error line " + what);
    }

    private String await(List<String> lines, Predicate<String> which, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (String l : lines) {
                    if (which.test(l)) {
                        return l;
                    }
                }
                lines.wait(50);
            }
        }
        throw new AssertionError("no " + what + " within " + DEADLINE + "; out: " + out() + " err: " + err());
    }

    /** Sends SIGTERM (on Unix), as a service manager stopping the launcher does. */
    void terminate() {
        process.destroy();
    }

    /** @return whether the process ended within the time given */
    boolean waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Forgets the output read so far, so the next wait sees only new lines. */
    void clearOutput() {
        synchronized (out) {
            out.clear();
        }
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static void pump(BufferedReader reader, List<String> into) {
        Thread t = new Thread(() -> {
            try (reader) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (into) {
                        into.add(line);
                        into.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "launcher-output");
        t.setDaemon(true);
        t.start();
    }
}
