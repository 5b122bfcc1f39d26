package org.llmrecon.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Gogo session driven by the launcher. The Gogo API lives in the
 * gogo.runtime bundle, not on the launcher's class path, so the session is
 * called reflectively through the interfaces that bundle exports. Unscoped
 * names resolve in scope {@code llm} first ({@code help}, {@code install}),
 * and a call that fits no form of a command is answered with its usage.
 */
final class GogoShell implements AutoCloseable {
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    private static final String JOB = "org.apache.felix.service.command.Job";
    private static final int INSPECT = 0;
    /** Gogo's message when no form of a command takes the given arguments. */
    private static final Pattern NO_FORM = Pattern.compile("^Cannot coerce ([^\\s(]+)\\(");

    private final ServiceTracker<Object, Object> tracker;
    private final Object session;
    private final Method execute;
    private final Method format;
    private final Object processor;
    private final Method commands;
    private final Method close;
    private final Method put;
    private final Method foregroundJob;
    private final Method interruptJob;
    private final CommandCatalog catalog;
    private final ServiceRegistration<?> help;
    private final PrintStream out;
    private final PrintStream err;

    GogoShell(BundleContext context, InputStream in, PrintStream out, PrintStream err, Duration timeout) {
        this.out = out;
        this.err = err;
        tracker = new ServiceTracker<>(context, PROCESSOR, null);
        tracker.open();
        try {
            processor = tracker.waitForService(timeout.toMillis());
            ServiceReference<Object> ref = tracker.getServiceReference();
            if (processor == null || ref == null) {
                throw new IllegalStateException("the Gogo command processor is not available");
            }
            Class<?> processorType = ref.getBundle().loadClass(PROCESSOR);
            Class<?> sessionType = ref.getBundle().loadClass(SESSION);
            session = processorType.getMethod("createSession", InputStream.class, java.io.OutputStream.class,
                    java.io.OutputStream.class).invoke(processor, in, out, err);
            execute = sessionType.getMethod("execute", CharSequence.class);
            format = sessionType.getMethod("format", Object.class, int.class);
            commands = processor.getClass().getMethod("getCommands");
            close = sessionType.getMethod("close");
            put = sessionType.getMethod("put", String.class, Object.class);
            foregroundJob = sessionType.getMethod("foregroundJob");
            interruptJob = ref.getBundle().loadClass(JOB).getMethod("interrupt");
            put.invoke(session, "SCOPE", CommandCatalog.PREFERRED_SCOPE + ":*");
        } catch (ReflectiveOperationException e) {
            tracker.close();
            throw new IllegalStateException("cannot open a Gogo session: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tracker.close();
            throw new IllegalStateException("interrupted while waiting for Gogo", e);
        }
        catalog = new CommandCatalog(context);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", CommandCatalog.PREFERRED_SCOPE);
        props.put("osgi.command.function", "help");
        help = context.registerService(Object.class, new HelpCommand(catalog), props);
    }

    CommandCatalog catalog() {
        return catalog;
    }

    /** Sets a session variable, e.g. {@code COLUMNS} for the width of the terminal. */
    void variable(String name, Object value) {
        try {
            put.invoke(session, name, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + name + ": " + oneLine(e), e);
        }
    }

    /** Interrupts the command that runs, if any (its threads, so a provider call in it is cancelled). */
    void interrupt() {
        try {
            Object job = foregroundJob.invoke(session);
            if (job != null) {
                interruptJob.invoke(job);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the job ended meanwhile
        }
    }

    /** Waits (bounded) until Gogo knows the command, e.g. {@code llm:plugins}. */
    boolean awaitCommand(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (commands.invoke(processor) instanceof Collection<?> c && c.contains(name)) {
                    return true;
                }
            } catch (ReflectiveOperationException e) {
                return false;
            }
            synchronized (this) {
                try {
                    wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Runs one command line and prints its result; a failure is printed as one
     * line on the error stream.
     *
     * @return whether the command succeeded
     */
    boolean run(String line) {
        try {
            String text = execute(line);
            if (text != null) {
                out.println(text);
            }
            out.flush();
            return true;
        } catch (Exception e) {
            out.flush();
            err.println("error: " + message(e));
            err.flush();
            return false;
        }
    }

    /**
     * Runs one command line.
     *
     * @return its result as text, or {@code null} when it returned nothing
     * @throws Exception what the command threw
     */
    String execute(String line) throws Exception {
        checkOptions(line);
        try {
            Object result = execute.invoke(session, line);
            return result == null ? null : String.valueOf(format.invoke(session, result, INSPECT));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * A simple line (one command, no pipe or sequence) with an option its {@code llm} command lacks fails with the
     * usage (other scopes may parse their options themselves).
     */
    private void checkOptions(String line) {
        if (line.contains("|") || line.contains(";")) {
            return;
        }
        List<String> words = List.of(line.strip().split("\\s+"));
        if (words.size() < 2 || !words.get(1).startsWith("-")) {
            return;
        }
        Optional<ShellCommand> command = catalog.find(words.get(0))
                .filter(c -> c.scope().equals(CommandCatalog.PREFERRED_SCOPE));
        Optional<String> unknown = command.flatMap(c -> c.unknownOption(words.subList(1, words.size())));
        if (unknown.isPresent()) {
            throw new IllegalArgumentException("unknown option '" + unknown.get() + "'; usage: "
                    + command.get().usage() + " (see 'help " + command.get().name() + "')");
        }
    }

    /** @return the failure in one line; for arguments that fit no form of a command, its usage */
    String message(Throwable t) {
        Matcher m = NO_FORM.matcher(String.valueOf(t.getMessage()));
        if (t instanceof IllegalArgumentException && m.find()) {
            return catalog.find(m.group(1)).map(c -> "usage: " + c.usage() + " (see 'help " + c.name() + "')")
                    .orElse(oneLine(t));
        }
        return oneLine(t);
    }

    static String oneLine(Throwable t) {
        Throwable c = t;
        // wrappers (Gogo's InvocationTargetException, new RuntimeException(cause)) say nothing of their own
        while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null || c.getMessage().isBlank()
                || c.getMessage().equals(c.getCause().toString()))) {
            c = c.getCause();
        }
        String m = c.getMessage();
        if (m == null || m.isBlank()) {
            m = c instanceof InterruptedException ? "interrupted (the launcher is stopping, or the command was cancelled)"
                    : c.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                            .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                            + " (no detail given)";
        } else if (c instanceof OutOfMemoryError) {
            m = "out of memory: " + m;
        }
        String message = m;
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message.strip());
    }

    @Override
    public void close() {
        try {
            help.unregister();
        } catch (IllegalStateException e) {
            // the framework is gone already
        }
        try {
            close.invoke(session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the session dies with the framework anyway
        }
        try {
            tracker.close();
        } catch (IllegalStateException e) {
            // the framework is gone already
        }
    }
}
