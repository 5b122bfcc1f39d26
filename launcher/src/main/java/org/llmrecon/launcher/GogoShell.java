package org.llmrecon.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Gogo session driven by the launcher. The Gogo API lives in the
 * gogo.runtime bundle, not on the launcher's class path, so the session is
 * called reflectively through the interfaces that bundle exports.
 */
final class GogoShell implements AutoCloseable {
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    private static final int INSPECT = 0;

    private final ServiceTracker<Object, Object> tracker;
    private final Object session;
    private final Method execute;
    private final Method format;
    private final Object processor;
    private final Method commands;
    private final Method close;
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
        } catch (ReflectiveOperationException e) {
            tracker.close();
            throw new IllegalStateException("cannot open a Gogo session: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tracker.close();
            throw new IllegalStateException("interrupted while waiting for Gogo", e);
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
            Object result = execute.invoke(session, line);
            if (result != null) {
                Object text = format.invoke(session, result, INSPECT);
                out.println(text);
            }
            out.flush();
            return true;
        } catch (InvocationTargetException e) {
            out.flush();
            err.println("error: " + oneLine(e.getCause()));
            err.flush();
            return false;
        } catch (IllegalAccessException e) {
            err.println("error: " + oneLine(e));
            return false;
        }
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
