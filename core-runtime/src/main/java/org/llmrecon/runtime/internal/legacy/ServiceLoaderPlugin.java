package org.llmrecon.runtime.internal.legacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * A {@link PluginInterface} registered with {@link java.util.ServiceLoader}
 * in a jar that does not publish it as an OSGi service. It is instantiated
 * on first use, which is the runtime's bounded {@code getMetadata()} call, so
 * a constructor that throws or hangs is reported like any plugin failure;
 * the outcome is kept, so a failing constructor is not retried on every call.
 */
final class ServiceLoaderPlugin implements PluginInterface {
    private final String what;
    private final Constructor<? extends PluginInterface> constructor;
    private PluginInterface instance;
    private RuntimeException failure;

    private ServiceLoaderPlugin(String what, Constructor<? extends PluginInterface> constructor) {
        this.what = what;
        this.constructor = constructor;
    }

    /**
     * @param declaration a {@link LegacyDeclaration.Form#SERVICE_LOADER} declaration
     * @param cls the listed class
     * @return the plugin, not yet instantiated
     * @throws LegacyPluginException when the class is no public {@code PluginInterface} with a no-argument constructor
     */
    static ServiceLoaderPlugin of(LegacyDeclaration declaration, Class<?> cls) {
        String what = declaration.describe();
        if (!PluginInterface.class.isAssignableFrom(cls)) {
            throw new LegacyPluginException(what + " does not implement " + PluginInterface.class.getName()
                    + " (or imports it from elsewhere than core-api)");
        }
        if (!Modifier.isPublic(cls.getModifiers()) || Modifier.isAbstract(cls.getModifiers())) {
            throw new LegacyPluginException(what + " is not a public concrete class");
        }
        try {
            return new ServiceLoaderPlugin(what, cls.asSubclass(PluginInterface.class).getConstructor());
        } catch (NoSuchMethodException e) {
            throw new LegacyPluginException(what + " has no public no-argument constructor");
        }
    }

    private synchronized PluginInterface delegate() {
        if (instance == null && failure == null) {
            try {
                instance = constructor.newInstance();
            } catch (InvocationTargetException e) {
                failure = new LegacyPluginException(what + ": constructor threw "
                        + LegacyConstructor.oneLine(e.getCause()));
            } catch (ReflectiveOperationException | LinkageError e) {
                failure = new LegacyPluginException(what + " cannot be instantiated: " + LegacyConstructor.oneLine(e));
            }
        }
        if (failure != null) {
            throw failure;
        }
        return instance;
    }

    @Override
    public PluginMetadata getMetadata() {
        return delegate().getMetadata();
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return delegate().createProvider(config);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        delegate().validateConfig(config);
    }

    @Override
    public String toString() {
        return what;
    }
}
