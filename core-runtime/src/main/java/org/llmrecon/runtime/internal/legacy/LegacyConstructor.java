package org.llmrecon.runtime.internal.legacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;

/**
 * The Java form of the seed's {@code NewProvider(config) -> (Provider, error)}:
 * a public constructor taking a {@link ProviderConfig} on a class that
 * implements {@link Provider}, or else a public static
 * {@code newProvider(ProviderConfig)} returning a {@link Provider}.
 */
final class LegacyConstructor {
    static final String FACTORY = "newProvider";

    private final String what;
    private final Constructor<?> constructor;
    private final Method factory;

    private LegacyConstructor(String what, Constructor<?> constructor, Method factory) {
        this.what = what;
        this.constructor = constructor;
        this.factory = factory;
    }

    /**
     * @param what the declaration, named in messages
     * @param cls the declared class
     * @return how to call it
     * @throws LegacyPluginException when the class offers neither form
     */
    static LegacyConstructor find(String what, Class<?> cls) {
        if (!Modifier.isPublic(cls.getModifiers()) || cls.isInterface() || cls.isEnum()) {
            throw new LegacyPluginException(what + ": " + cls.getName() + " is not a public class");
        }
        try {
            Method m = cls.getMethod(FACTORY, ProviderConfig.class);
            if (Modifier.isStatic(m.getModifiers()) && Provider.class.isAssignableFrom(m.getReturnType())) {
                return new LegacyConstructor(what, null, m);
            }
        } catch (NoSuchMethodException e) {
            // no factory; look for the constructor
        }
        if (Provider.class.isAssignableFrom(cls) && !Modifier.isAbstract(cls.getModifiers())) {
            try {
                return new LegacyConstructor(what, cls.getConstructor(ProviderConfig.class), null);
            } catch (NoSuchMethodException e) {
                // reported below
            }
        }
        throw new LegacyPluginException(what + ": " + cls.getName() + " has no public constructor "
                + cls.getSimpleName() + "(ProviderConfig) of a Provider and no public static Provider "
                + FACTORY + "(ProviderConfig)");
    }

    /**
     * @param config the configuration
     * @return the new provider
     * @throws ProviderException naming the declaration when the constructor fails or returns nothing
     */
    Provider create(ProviderConfig config) {
        Object created;
        try {
            created = constructor != null ? constructor.newInstance(config) : factory.invoke(null, config);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProviderException pe) {
                throw pe;
            }
            throw new ProviderException(what + ": " + callName() + " threw " + oneLine(cause), cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ProviderException(what + ": " + callName() + " cannot be called: " + oneLine(e), e);
        }
        if (created == null) {
            throw new ProviderException(what + ": " + callName() + " returned null");
        }
        return (Provider) created;
    }

    private String callName() {
        return constructor != null ? "constructor" : FACTORY + "()";
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        String line = m == null ? "" : m.lines().findFirst().orElse("").trim();
        return t.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
    }
}
