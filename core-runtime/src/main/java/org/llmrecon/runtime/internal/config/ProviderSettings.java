package org.llmrecon.runtime.internal.config;

import java.lang.reflect.Array;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of one provider type from one Config Admin factory
 * configuration, e.g. the file {@code etc/org.llmrecon.provider-openai.cfg}
 * delivered by File Install.
 */
@Component(service = ProviderSettings.class, configurationPid = ProviderSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProviderSettings.Definition.class, factory = true)
public final class ProviderSettings {
    /** The factory PID. */
    public static final String PID = "org.llmrecon.provider";

    private static final String FILE_NAME = "felix.fileinstall.filename";

    /** Settings of one provider type; any other key of {@link ConfigKeys} is accepted too. */
    @ObjectClassDefinition(name = "LLM provider", description = "Configuration of one LLM provider type")
    public @interface Definition {
        /** @return the provider type; defaults to the part after '-' of the configuration file name */
        @AttributeDefinition(description = "Provider type, e.g. openai")
        String type() default "";

        /** @return the API key */
        @AttributeDefinition(type = AttributeType.PASSWORD, description = "API key")
        String apiKey() default "";

        /** @return the base URL */
        @AttributeDefinition(description = "Base URL of the API")
        String baseUrl() default "";

        /** @return the default model */
        @AttributeDefinition(description = "Model used when a request names none")
        String defaultModel() default "";

        /** @return the timeout */
        @AttributeDefinition(description = "Request timeout, e.g. 30s")
        String timeout() default "60s";
    }

    private final String type;
    private final Map<String, String> values;
    private final String origin;

    /** @param properties the configuration's properties */
    @Activate
    public ProviderSettings(Map<String, Object> properties) {
        Object file = properties.get(FILE_NAME);
        this.origin = file != null ? String.valueOf(file) : String.valueOf(properties.get("service.pid"));
        Object t = properties.get("type");
        this.type = t != null && !String.valueOf(t).isBlank() ? String.valueOf(t).trim() : typeFromFile(file);
        Map<String, String> v = new TreeMap<>();
        properties.forEach((k, value) -> {
            if (ConfigKeys.known(k) && value != null) {
                v.put(k, text(value));
            }
        });
        this.values = Map.copyOf(v);
    }

    /** @return the provider type, or an empty string when neither the property nor the file name gives one */
    public String type() {
        return type;
    }

    /** @return the values by key */
    public Map<String, String> values() {
        return values;
    }

    /** @return the file or PID this came from */
    public String origin() {
        return origin;
    }

    private static String typeFromFile(Object file) {
        if (file == null) {
            return "";
        }
        String name = String.valueOf(file);
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.startsWith(PID + "-") ? name.substring(PID.length() + 1) : "";
    }

    private static String text(Object value) {
        if (value.getClass().isArray()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                b.append(i == 0 ? "" : ",").append(Array.get(value, i));
            }
            return b.toString();
        }
        return String.valueOf(value);
    }
}
