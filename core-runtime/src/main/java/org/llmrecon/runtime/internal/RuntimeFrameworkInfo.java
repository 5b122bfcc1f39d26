package org.llmrecon.runtime.internal;

import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.api.runtime.FrameworkInfo;
import org.llmrecon.api.plugin.PluginInterface;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The running framework version: the framework property
 * {@code llmrecon.framework.version} when set, else the version of the
 * core-api bundle without its qualifier.
 */
@Component
public final class RuntimeFrameworkInfo implements FrameworkInfo {

    private final String version;

    /** @param context the runtime bundle's context */
    @Activate
    public RuntimeFrameworkInfo(BundleContext context) {
        String configured = context.getProperty(RuntimeProperties.FRAMEWORK_VERSION);
        if (configured != null && !configured.isBlank()) {
            version = configured.trim();
        } else {
            Version v = FrameworkUtil.getBundle(PluginInterface.class).getVersion();
            version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        }
    }

    @Override
    public String version() {
        return version;
    }
}
