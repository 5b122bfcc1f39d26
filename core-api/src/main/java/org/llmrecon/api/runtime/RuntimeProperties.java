package org.llmrecon.api.runtime;

/**
 * The names of the runtime's settings: one place for embedders, the launcher
 * and the runtime itself.
 * <p>
 * Framework properties ({@code llmrecon.*}) are read when the runtime starts.
 * The folders, the trust policy and the framework version are needed before
 * Config Admin runs and are framework properties only. The other settings
 * live in the Config Admin configuration {@link #PID} (for example the file
 * {@code etc/org.llmrecon.runtime.cfg}) under the key without the
 * {@code llmrecon.} prefix, and change while the runtime runs; a framework
 * property of the same name gives the value Config Admin does not.
 *
 * @since 1.0.0
 */
public final class RuntimeProperties {
    /** The Config Admin PID of the runtime's settings that change at run time. */
    public static final String PID = "org.llmrecon.runtime";

    /** Framework property: the plugin folders, separated by the platform's path separator. */
    public static final String PLUGINS_DIRS = "llmrecon.plugins.dirs";
    /** Framework property: the configuration folder. */
    public static final String ETC_DIR = "llmrecon.etc.dir";
    /** Framework property: the JSON configuration file of provider types. */
    public static final String CONFIG_JSON = "llmrecon.config.json";
    /** Framework property: the running framework version plugins' ranges are checked against. */
    public static final String FRAMEWORK_VERSION = "llmrecon.framework.version";
    /** Framework property: the trust policy, {@code off}, {@code warn} (the default) or {@code enforce}. */
    public static final String TRUST_POLICY = "llmrecon.trust.policy";
    /** Framework property: the trust store (PKCS12 or JKS) holding trusted signer certificates. */
    public static final String TRUST_STORE = "llmrecon.trust.store";
    /** Framework property: the trust store's password; never logged. */
    public static final String TRUST_STORE_PASSWORD = "llmrecon.trust.store.password";
    /** Framework property: a file of allowed SHA-256 hashes of plugin jars. */
    public static final String TRUST_ALLOW = "llmrecon.trust.allow";
    /**
     * Framework property: the key file that encrypts secrets at rest; created, readable by its owner only, when
     * a secret is first written. Default: {@code .llmrecon.key} in the configuration folder.
     */
    public static final String SECRETS_KEY_FILE = "llmrecon.secrets.keyfile";
    /** Environment variable naming the key file; the framework property wins. */
    public static final String SECRETS_KEY_FILE_ENV = "LLM_RED_TEAM_SECRETS_KEY_FILE";

    /**
     * Setting: how often the plugin folders are scanned where file-system events do not reach them, e.g.
     * {@code 25ms}.
     */
    public static final String PLUGINS_POLL = "llmrecon.plugins.poll";
    /** Setting: the bound on every call into plugin code, e.g. {@code 10s}. */
    public static final String PLUGIN_CALL_TIMEOUT = "llmrecon.plugin.call.timeout";
    /** Setting: how long calls wait for a replacement plugin, e.g. {@code 2s}. */
    public static final String SWAP_GRACE = "llmrecon.swap.grace";
    /** Setting: how long a stopping plugin bundle waits for the calls in flight on its providers. */
    public static final String SWAP_DRAIN = "llmrecon.swap.drain";
    /** Setting: how long after uninstall a reachable class loader counts as leaked, e.g. {@code 10s}. */
    public static final String LEAK_DELAY = "llmrecon.leak.delay";
    /** Setting: a folder where one heap dump is written for each plugin found leaked; unset for none. */
    public static final String LEAK_HEAPDUMPS = "llmrecon.leak.heapdumps";

    private RuntimeProperties() {
    }
}
