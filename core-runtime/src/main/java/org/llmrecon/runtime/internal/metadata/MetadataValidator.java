package org.llmrecon.runtime.internal.metadata;

import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.plugin.PluginValidator;

/**
 * The runtime's own checks of a plugin's effective metadata, applied before
 * any {@link PluginValidator} service:
 * <ul>
 * <li>name: given, at most {@value #MAX_NAME_LENGTH} characters, no control characters;</li>
 * <li>provider type: given and matching {@code [a-z0-9][a-z0-9._-]{0,63}};</li>
 * <li>version: given (the runtime fills it from {@code Bundle-Version} before this) and a valid
 * {@link FrameworkVersion};</li>
 * <li>min and max framework version: each valid when given (null or empty is "not given"), min not
 * greater than max, and the running version within [min, max] inclusive. Qualifiers are ignored in
 * these comparisons, and {@code 1}, {@code 1.0}, {@code 1.0.0} are equal;</li>
 * <li>the running framework version itself must be valid;</li>
 * <li>no blank supported model or tag.</li>
 * </ul>
 * Every problem is reported, each as one line naming the plugin.
 */
public final class MetadataValidator implements PluginValidator {

    /** The longest plugin name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 128;

    @Override
    public List<String> validate(PluginMetadata metadata, String frameworkVersion) {
        PluginMetadata m = metadata == null ? PluginMetadata.EMPTY : metadata;
        String plugin = m.name() != null && !m.name().isBlank() ? "plugin " + DisplayText.quote(m.name()) : "plugin";
        List<String> problems = new ArrayList<>();
        checkName(m.name(), problems);
        String typeProblem = ProviderTypes.problem(m.providerType());
        if (typeProblem != null) {
            problems.add(plugin + " " + typeProblem);
        }
        if (!given(m.version())) {
            problems.add(plugin + " has no version");
        } else {
            version(m.version(), plugin + " version ", problems);
        }
        checkItems(m.supportedModels(), plugin + " supported model ", problems);
        checkItems(m.tags(), plugin + " tag ", problems);
        new FrameworkRange(plugin, m.minFrameworkVersion(), m.maxFrameworkVersion()).check(frameworkVersion, problems);
        return problems;
    }

    private static void checkName(String name, List<String> problems) {
        if (name == null || name.isEmpty()) {
            problems.add("plugin has no name");
        } else if (name.isBlank()) {
            problems.add("plugin name " + DisplayText.quote(name) + " is blank");
        } else {
            int length = name.codePointCount(0, name.length());
            if (length > MAX_NAME_LENGTH) {
                problems.add("plugin name " + DisplayText.quote(name) + " is " + length
                        + " characters long, over the " + MAX_NAME_LENGTH + "-character limit");
            }
            name.codePoints().filter(Character::isISOControl).findFirst().ifPresent(c -> problems.add(
                    "plugin name " + DisplayText.quote(name) + " contains control character "
                            + DisplayText.codePoint(c)));
        }
    }

    private static void checkItems(List<String> items, String what, List<String> problems) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isBlank()) {
                problems.add(what + (i + 1) + " is blank");
            }
        }
    }

    /** @return the parsed version, or null after adding a problem that starts with {@code prefix} */
    static FrameworkVersion version(String text, String prefix, List<String> problems) {
        try {
            return FrameworkVersion.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(prefix + e.getMessage());
            return null;
        }
    }

    static boolean given(String value) {
        return value != null && !value.isEmpty();
    }
}
