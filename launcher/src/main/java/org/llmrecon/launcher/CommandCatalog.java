package org.llmrecon.launcher;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The shell's commands as registered: every service with
 * {@code osgi.command.scope} and {@code osgi.command.function}, read the way
 * Gogo reads them (public methods named like the function, their
 * {@code @Descriptor} and {@code @Parameter}). Gogo's annotations live in its
 * bundle, not on the launcher's class path, so they are read by name.
 */
final class CommandCatalog {
    static final String PREFERRED_SCOPE = "llm";
    private static final String FILTER = "(&(osgi.command.scope=*)(osgi.command.function=*))";
    private static final String DESCRIPTOR = "org.apache.felix.service.command.Descriptor";
    private static final String PARAMETER = "org.apache.felix.service.command.Parameter";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    private static final String UNSPECIFIED = "org.apache.felix.service.command.unspecified.parameter";

    private final BundleContext context;

    CommandCatalog(BundleContext context) {
        this.context = context;
    }

    /** @return every command, sorted by scoped name */
    List<ShellCommand> commands() {
        TreeMap<String, ShellCommand> all = new TreeMap<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, FILTER);
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return List.of();
        }
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object service = context.getService(ref);
            if (service == null) {
                continue;
            }
            try {
                String scope = String.valueOf(ref.getProperty("osgi.command.scope"));
                for (String function : strings(ref.getProperty("osgi.command.function"))) {
                    List<ShellCommand.Form> forms = forms(service.getClass(), function);
                    all.putIfAbsent(scope + ":" + function, new ShellCommand(scope, function, forms));
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return List.copyOf(all.values());
    }

    /** @param name {@code scope:function}, or a function alone, looked up in the {@code llm} scope first */
    Optional<ShellCommand> find(String name) {
        List<ShellCommand> all = commands();
        String wanted = name.contains(":") ? name : PREFERRED_SCOPE + ":" + name;
        return all.stream().filter(c -> c.scoped().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> all.stream().filter(c -> !name.contains(":") && c.name().equalsIgnoreCase(name))
                        .findFirst());
    }

    private static List<ShellCommand.Form> forms(Class<?> type, String function) {
        List<ShellCommand.Form> forms = new ArrayList<>();
        Arrays.stream(type.getMethods()).filter(m -> m.getName().equalsIgnoreCase(function))
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .sorted((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                .forEach(m -> forms.add(form(m)));
        return forms;
    }

    private static ShellCommand.Form form(Method m) {
        List<ShellCommand.Option> options = new ArrayList<>();
        List<ShellCommand.Argument> arguments = new ArrayList<>();
        Annotation[][] annotations = m.getParameterAnnotations();
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i].getName().equals(SESSION)) {
                continue;
            }
            String description = value(annotations[i], DESCRIPTOR, "value").map(String.class::cast).orElse("");
            Optional<Object> names = value(annotations[i], PARAMETER, "names");
            if (names.isPresent()) {
                boolean flag = !UNSPECIFIED.equals(value(annotations[i], PARAMETER, "presentValue").orElse(null));
                options.add(new ShellCommand.Option(List.of((String[]) names.get()), description, flag));
            } else {
                arguments.add(new ShellCommand.Argument(description.isEmpty() ? "arg" : description));
            }
        }
        String description = value(m.getAnnotations(), DESCRIPTOR, "value").map(String.class::cast).orElse("");
        return new ShellCommand.Form(description, options, arguments, m.isVarArgs());
    }

    private static Optional<Object> value(Annotation[] annotations, String type, String element) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(type)) {
                try {
                    return Optional.ofNullable(a.annotationType().getMethod(element).invoke(a));
                } catch (ReflectiveOperationException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] a) {
            return List.of(a);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
