package org.llmrecon.runtime.internal.config;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * Keeps Felix Config Admin's log at INFO or quieter: at DEBUG it logs every
 * configuration's properties, API keys in clear among them. Its logger
 * context gets an explicit root level, the framework's own when that is
 * quieter, else INFO.
 */
@Component(immediate = true)
public final class ConfigAdminLogLevel {
    /** Config Admin's bundle symbolic name, which names its logger context. */
    static final String CONFIG_ADMIN = "org.apache.felix.configadmin";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoggerAdmin(LoggerAdmin admin) {
        cap(admin);
    }

    void unbindLoggerAdmin(LoggerAdmin admin) {
        // the levels set stay with the log service that keeps them
    }

    static void cap(LoggerAdmin admin) {
        LoggerContext context = admin.getLoggerContext(CONFIG_ADMIN);
        Map<String, LogLevel> levels = new HashMap<>(context.getLogLevels());
        LogLevel framework = admin.getLoggerContext(null).getEffectiveLogLevel(Logger.ROOT_LOGGER_NAME);
        LogLevel root = levels.getOrDefault(Logger.ROOT_LOGGER_NAME, framework);
        levels.put(Logger.ROOT_LOGGER_NAME, root.implies(LogLevel.DEBUG) ? LogLevel.INFO : root);
        levels.replaceAll((logger, level) -> level.implies(LogLevel.DEBUG) ? LogLevel.INFO : level);
        context.setLogLevels(levels);
    }
}
