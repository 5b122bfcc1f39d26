package org.llmrecon.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The LLMrecon runtime embedded in a program: Apache Felix with the runtime's
 * bundles, started from a {@link Builder}.
 *
 * <pre>
 * try (LlmRecon llm = LlmRecon.builder().pluginFolder(Path.of("plugins")).start()) {
 *     llm.awaitPlugins(Duration.ofSeconds(30));
 *     ChatResponse r = llm.providerFactory().getProvider("mock").chat(request);
 * }
 * </pre>
 *
 * The API packages {@code org.llmrecon.api.*} are exported by the system
 * bundle from the program's own class path (the core-api bundle is not
 * installed), so the services returned here are used directly, without proxies.
 */
public final class LlmRecon implements AutoCloseable {
    /** Framework property: the plugin folders, separated by {@link File#pathSeparator}. */
    public static final String PLUGINS_DIRS = RuntimeProperties.PLUGINS_DIRS;
    /**
     * How long {@link #close()} waits for the framework to stop; after it the framework is left to stop (the
     * runtime's drain of calls in flight, {@code llmrecon.swap.drain}, is cut) while the process ends.
     */
    public static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** Framework property: the configuration folder. */
    public static final String ETC_DIR = RuntimeProperties.ETC_DIR;
    /**
     * SCR then logs for every bundle through a logger of its own bundle, named after the bundle, instead of
     * asking the Log Service for a logger of each bundle: Felix Log 1.3 keeps every logger it hands out, and
     * with it the Bundle object of every plugin ever uninstalled (about 13 KiB each).
     */
    static final String SCR_LOG_EXTENSION = "ds.log.extension";
    /**
     * Config Admin keeps configurations in memory: its file store writes each one through
     * {@code File.createTempFile}, whose {@code SecureRandom} costs start-up 20-40 ms on first use.
     */
    static final String CM_PERSISTENCE = "felix.cm.pm";

    /**
     * SPI Fly (which gives Jetty its SLF4J binding) logs each provider it registers at INFO through
     * java.util.logging, the console by default; warnings still show. Held here: JUL keeps loggers weakly. Set
     * when the gateway's bundles are installed, so a start without them does not set up java.util.logging.
     */
    private static volatile java.util.logging.Logger spiFlyLog;

    private final Framework framework;
    private final Path storage;
    private final Services services;
    private final List<Path> pluginFolders;
    private final Path etcFolder;
    private final URI httpUrl;
    private boolean closed;

    private LlmRecon(Framework framework, Path storage, List<Path> pluginFolders, Path etcFolder, Duration timeout,
            URI httpUrl) {
        this.framework = framework;
        this.httpUrl = httpUrl;
        this.storage = storage;
        this.pluginFolders = pluginFolders;
        this.etcFolder = etcFolder;
        this.services = new Services(framework.getBundleContext(), timeout);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        return logger;
    }

    /** @return a builder with no folders, configuration or extra bundles */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the provider factory */
    public ProviderFactory providerFactory() {
        return services.get(ProviderFactory.class);
    }

    /** @return the plugin manager */
    public PluginManager pluginManager() {
        return services.get(PluginManager.class);
    }

    /** @return the configuration manager */
    public ConfigManager configManager() {
        return services.get(ConfigManager.class);
    }

    /** @return the plugin discovery */
    public PluginDiscovery pluginDiscovery() {
        return services.get(PluginDiscovery.class);
    }

    /**
     * @return where the gateway listens, e.g. {@code http://127.0.0.1:8080} (its API under {@code /v1}); empty
     *         unless {@link Builder#http(String, int)} was set
     */
    public Optional<URI> httpUrl() {
        return Optional.ofNullable(httpUrl);
    }

    /** @return the running framework, for programs that need more than the services above */
    public Framework framework() {
        return framework;
    }

    /**
     * Waits until every {@code *.jar} that is in the plugin folders now has been
     * processed (listed by the plugin manager in a state other than PENDING, and
     * offered by the factory when ACTIVE), and every provider configuration file
     * in the etc folder now has been applied.
     *
     * @param timeout how long to wait at most
     * @return the files still pending when the time ran out; empty when all were processed
     */
    public List<Path> awaitPlugins(Duration timeout) {
        long start = System.nanoTime();
        List<Path> pending = new ArrayList<>(new ConfigsReady(framework.getBundleContext(), etcFolder).await(timeout));
        Duration left = timeout.minusNanos(System.nanoTime() - start);
        pending.addAll(new PluginsReady(framework.getBundleContext(), pluginFolders, this::pluginManager, this::providerFactory)
                .await(left.isNegative() ? Duration.ZERO : left));
        return pending;
    }

    /** Stops the framework, waits for it at most {@link #STOP_GRACE} and deletes its cache; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Main.mark("closing");
        try {
            framework.stop();
            Main.mark("stop called");
            framework.waitForStop(STOP_GRACE.toMillis());
            Main.mark("stopped");
        } catch (BundleException e) {
            // the framework is stopping anyway; its cache is removed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            services.close();
            Storage.delete(storage);
            Main.mark("closed");
        }
    }

    /**
     * Configures and starts the runtime.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private final List<Path> pluginFolders = new ArrayList<>();
        private Path etcFolder;
        private final List<String[]> configs = new ArrayList<>();
        private final Map<String, Map.Entry<String, Map<String, String>>> targets = new LinkedHashMap<>();
        private final List<Path> bundles = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(30);
        private HttpAddress http;

        Builder() {
        }

        /** @param folder a folder watched for plugin jars (may be called more than once) @return this builder */
        public Builder pluginFolder(Path folder) {
            pluginFolders.add(folder.toAbsolutePath().normalize());
            return this;
        }

        /** @param folder the folder of configuration files ({@code .cfg}, {@code .config}, {@code .json}) @return this builder */
        public Builder etcFolder(Path folder) {
            etcFolder = folder.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Adds a target when the runtime starts, like {@code llm:target add}: checked by the plugin when its
         * type is active, and written to the etc folder when there is one (kept in memory otherwise).
         *
         * @param name the target's name, e.g. {@code local}
         * @param type its provider type, e.g. {@code openai}
         * @param values its configuration, e.g. {@code baseUrl}
         * @return this builder
         */
        public Builder target(String name, String type, Map<String, String> values) {
            targets.put(name, Map.entry(type, Map.copyOf(values)));
            return this;
        }

        /**
         * @param target a target, or a provider type for its default target
         * @param key a configuration key
         * @param value its value
         * @return this builder
         */
        public Builder config(String target, String key, String value) {
            configs.add(new String[] {target, key, value});
            return this;
        }

        /** @param jar a bundle to install and start besides the runtime (a plugin, say) @return this builder */
        public Builder bundle(Path jar) {
            bundles.add(jar.toAbsolutePath().normalize());
            return this;
        }

        /** @param key a framework property @param value its value @return this builder */
        public Builder frameworkProperty(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * Serves the targets over the gateway's OpenAI-compatible API, {@code /metrics} and the console. Without
         * this the gateway's bundles (Felix HTTP on Jetty) are not even installed and no port is opened; its keys
         * can still be managed ({@code llm:gateway key}). Beyond loopback the gateway serves only with keys
         * configured.
         *
         * @param host the address to listen on, e.g. {@code 127.0.0.1} (only this machine) or {@code 0.0.0.0}
         * @param port the port, 0 for any free one (see {@link LlmRecon#httpUrl()})
         * @return this builder
         * @throws IllegalArgumentException when the port is out of range or the host empty
         */
        public Builder http(String host, int port) {
            http = new HttpAddress(host, port);
            return this;
        }

        Builder http(HttpAddress address) {
            http = address;
            return this;
        }

        /** @param value how long start-up may wait for the runtime's services (default 30 s) @return this builder */
        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        /**
         * Starts Felix, installs and starts the runtime's bundles (the HTTP gateway's only with
         * {@link #http(String, int)}), then the extra bundles, waits for the runtime's services and applies the
         * configuration.
         *
         * @return the running runtime; close it to stop
         * @throws IllegalStateException when the runtime does not start, with the reason
         */
        /** Gogo's shell bundle, started once the runtime is known to run. */
        private static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

        public LlmRecon start() {
            Main.mark("start");
            RuntimeBundles embedded = RuntimeBundles.embedded(http != null);
            Main.mark("embedded listed");
            if (http != null) {
                HttpEndpoint.checkFree(http);
                spiFlyLog = quiet("org.apache.aries.spifly");
            }
            Path storage = Storage.create();
            Framework framework = null;
            try {
                framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"))
                        .newFramework(frameworkProperties(embedded, storage));
                framework.init();
                Main.mark("init");
                List<Bundle> installed = new ArrayList<>();
                for (RuntimeBundles.Embedded b : embedded.toInstall()) {
                    try (InputStream in = embedded.open(b)) {
                        installed.add(framework.getBundleContext().installBundle("llmrecon:" + b.name(), in));
                    }
                }
                for (Path jar : bundles) {
                    installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
                }
                Main.mark("installed");
                framework.start();
                Main.mark("framework started");
                List<Bundle> shells = new ArrayList<>();
                for (Bundle b : installed) {
                    if (GOGO_SHELL.equals(b.getSymbolicName())) {
                        shells.add(b);
                    } else if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                        b.start();
                    }
                }
                Main.mark("bundles started");
                RuntimeFailures.of(framework.getBundleContext()).ifPresent(failure -> {
                    throw new IllegalStateException(failure);
                });
                // Gogo's shell starts its 'gosh' on a thread of its own: a runtime that failed and stops at once
                // would have it print a stack trace of the command it no longer finds
                for (Bundle b : shells) {
                    b.start();
                }
                URI url = http == null ? null : HttpEndpoint.await(framework.getBundleContext(), http, timeout);
                LlmRecon running = new LlmRecon(framework, storage, List.copyOf(pluginFolders), etcFolder, timeout,
                        url);
                targets.forEach((name, t) -> running.configManager().addTarget(name, t.getKey(), t.getValue()));
                for (String[] c : configs) {
                    running.configManager().set(c[0], c[1], c[2]);
                }
                return running;
            } catch (BundleException | IOException | RuntimeException e) {
                if (framework != null) {
                    try {
                        framework.stop();
                        framework.waitForStop(10_000);
                    } catch (BundleException | InterruptedException ignored) {
                        // already failing; the first problem is the one reported
                    }
                }
                Storage.delete(storage);
                throw new IllegalStateException("the runtime did not start: " + e.getMessage(), e);
            }
        }

        private Map<String, String> frameworkProperties(RuntimeBundles embedded, Path storage) throws IOException {
            Map<String, String> p = new HashMap<>();
            p.put(Constants.FRAMEWORK_STORAGE, storage.resolve("felix").toString());
            p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, embedded.apiExports());
            p.put(RuntimeProperties.FRAMEWORK_VERSION, embedded.apiVersion());
            // File Install always starts one watcher from framework properties (default ./load);
            // point it at an empty folder of our own so stray files in the working directory are never installed.
            Path none = Files.createDirectories(storage.resolve("fileinstall-none"));
            p.put("felix.fileinstall.dir", none.toString());
            p.put("felix.fileinstall.poll", "60000");
            p.put("felix.fileinstall.noInitialDelay", "true");
            p.put("felix.fileinstall.log.level", "1");
            // File Install reads this one from the framework, not from a watcher's configuration: without it, it
            // rewrites a configuration file (truncating it first) at every update, the runtime's own writes and a
            // person's files alike, and a launcher that exits meanwhile leaves the file empty
            p.put("felix.fileinstall.enableConfigSave", "false");
            p.put("gosh.args", "--nointeractive");
            // the cache is deleted on close, so nothing Config Admin writes to disk is ever read again
            p.put(CM_PERSISTENCE, "memory");
            p.put(SCR_LOG_EXTENSION, "true");
            HttpEndpoint.configure(http, p);
            if (!pluginFolders.isEmpty()) {
                p.put(PLUGINS_DIRS, pluginFolders.stream().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator)));
            }
            if (etcFolder != null) {
                p.put(ETC_DIR, etcFolder.toString());
            }
            p.putAll(properties);
            return p;
        }
    }
}
