package org.llmrecon.runtime.internal.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.llmrecon.api.runtime.GatewayProperties;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.api.runtime.Secrets;
import org.llmrecon.runtime.internal.keys.GatewayKeyFile;
import org.llmrecon.runtime.internal.keys.GatewayKeys;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code llm:gateway}: where the gateway serves, and its keys ({@code key add|list|remove|encrypt}). In the
 * runtime, not in the gateway's bundle: the launcher installs the gateway only with {@code --http}, and keys are
 * prepared before.
 */
@Component(service = GatewayCommands.class, property = {"osgi.command.scope=llm", "osgi.command.function=gateway"})
public final class GatewayCommands {
    private static final String USAGE = "use gateway [status], gateway key list, gateway key add [KEY],"
            + " gateway key remove FINGERPRINT|POSITION or gateway key encrypt";
    /** The Servlet Whiteboard runtime Felix HTTP registers once it listens, with the port it got. */
    private static final String HTTP_RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";

    private final BundleContext context;
    private final Secrets secrets;

    /** @param context the runtime bundle's context @param secrets the runtime's secrets */
    @Activate
    public GatewayCommands(BundleContext context, @Reference Secrets secrets) {
        this.context = context;
        this.secrets = secrets;
    }

    /** @return where the gateway serves and whether it needs keys */
    @Descriptor("show where the gateway serves, whether clients need a key and how many keys it has")
    public String gateway() {
        GatewayKeys keys = keys();
        int count = keys.count();
        String enabled = context.getProperty(GatewayProperties.ENABLE);
        String host = context.getProperty(GatewayProperties.HOST);
        boolean off = "false".equals(enabled);
        String serving = off ? "not serving (start the launcher with --http)" : url(host);
        String required = count > 0 ? "yes, every request"
                : off ? "not while there are none and it serves on loopback; always beyond loopback"
                : GatewayProperties.loopbackOnly(host) ? "no: without keys it serves this machine only"
                : "yes: it listens beyond loopback and has none, so it serves no one";
        return "gateway: " + serving + "\nkeys required: " + required + "\nkeys: " + count + " in "
                + keys.file();
    }

    /** @param word status @return as {@link #gateway()} */
    @Descriptor("gateway status: as gateway; gateway key list: the keys by position and fingerprint")
    public String gateway(@Descriptor("status, or key for the list of keys") String word) {
        return "status".equals(word) ? gateway() : gateway(word, "list");
    }

    /** @param word key @param action list, add or encrypt @return the result */
    @Descriptor("gateway key list | add | encrypt: list the keys (fingerprints, never the key), add a new random"
            + " key (printed once, stored encrypted), or encrypt the plain-text ones")
    public String gateway(@Descriptor("the word key") String word,
            @Descriptor("action (list, add or encrypt)") String action) {
        return key(word, action, null);
    }

    /** @param word key @param action add or remove @param arg the key to add, or the one to remove @return result */
    @Descriptor("gateway key add KEY: store this key, encrypted; gateway key remove FINGERPRINT|POSITION")
    public String gateway(@Descriptor("the word key") String word, @Descriptor("action (add or remove)") String action,
            @Descriptor("value (the key to add, or the fingerprint or position of the key to remove)") String arg) {
        return key(word, action, arg);
    }

    private String key(String word, String action, String arg) {
        if (!"key".equals(word)) {
            throw new IllegalArgumentException("'" + clean(word) + "' is not status or key: " + USAGE);
        }
        GatewayKeys keys = keys();
        return switch (action + (arg == null ? "" : " _")) {
            case "list" -> list(keys.list());
            case "add" -> "new gateway key (shown only this once; stored encrypted in " + keys.file() + "):\n"
                    + keys.add(null);
            case "add _" -> "added key " + GatewayKeys.fingerprint(keys.add(arg)) + ", stored encrypted in "
                    + keys.file();
            case "remove _" -> "removed key " + keys.remove(arg) + " from " + keys.file();
            case "encrypt" -> {
                int n = keys.encrypt();
                yield n == 0 ? "no plain-text keys to encrypt" : "encrypted " + n + " key" + (n == 1 ? "" : "s");
            }
            default -> throw new IllegalArgumentException("'" + clean(action) + "' with "
                    + (arg == null ? "no argument" : "an argument") + ": " + USAGE);
        };
    }

    private static String list(List<GatewayKeys.Listed> all) {
        if (all.isEmpty()) {
            return "no gateway keys";
        }
        return "POSITION  FINGERPRINT  STORED\n" + all.stream().map(l -> String.format("%-9d %-12s %s",
                l.position(), l.fingerprint() == null ? "?" : l.fingerprint(),
                (l.sealed() ? "encrypted" : "plain text") + (l.fingerprint() == null
                        ? " (does not open with this key file)" : ""))).collect(Collectors.joining("\n"));
    }

    private GatewayKeys keys() {
        String dirs = context.getProperty(RuntimeProperties.ETC_DIR);
        String first = dirs == null ? "" : dirs.split(File.pathSeparator)[0].trim();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("no configuration folder (" + RuntimeProperties.ETC_DIR
                    + " is not set): the gateway's keys have no file to live in");
        }
        return new GatewayKeys(new GatewayKeyFile(Path.of(first)), secrets);
    }

    private String url(String host) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(HTTP_RUNTIME, null);
            Object port = refs == null ? null : refs[0].getProperty(GatewayProperties.PORT);
            String h = host == null || host.isBlank() ? "0.0.0.0" : host.contains(":") ? "[" + host + "]" : host;
            return port == null ? "not listening yet" : "http://" + h + ":" + port + "/v1";
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
    }
}
