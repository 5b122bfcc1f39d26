package org.llmrecon.gateway.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.PluginManager;

/**
 * The console's JSON endpoints under {@code /console/api/}, apart from HTTP:
 * a method, a path below that prefix, a query parameter and a body in, a
 * status and a value to write as JSON out. Refusals are one line in the
 * gateway's error shape, {@code {"error":{"message":...}}}.
 */
final class ConsoleApi {
    /** A reply: the HTTP status and the value to write as JSON, {@code null} for none (204). */
    record Reply(int status, Object body) {
        static Reply ok(Object body) {
            return new Reply(200, body);
        }

        static Reply refused(int status, String message) {
            return new Reply(status, Map.of("error", Map.of("message", message, "type", "invalid_request_error")));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PluginManager plugins;
    private final ConfigManager config;
    private final ConsoleTargets targets;

    ConsoleApi(PluginManager plugins, ConfigManager config, ConsoleTargets targets) {
        this.plugins = plugins;
        this.config = config;
        this.targets = targets;
    }

    /**
     * @param method the HTTP method
     * @param path the path below {@code /console/api/}, e.g. {@code plugins/mock/reload}
     * @param file the {@code file} query parameter of an upload, else {@code null}
     * @param body the request body
     * @return the reply
     */
    Reply handle(String method, String path, String file, InputStream body) throws IOException {
        List<String> parts = List.of(path.split("/", -1));
        try {
            return route(method, parts, file, body);
        } catch (IllegalArgumentException e) {
            return Reply.refused(400, e.getMessage());
        } catch (IllegalStateException e) {
            return Reply.refused(500, e.getMessage());
        }
    }

    private Reply route(String method, List<String> p, String file, InputStream body) throws IOException {
        String resource = p.get(0);
        if (resource.equals("plugins") && p.size() == 1) {
            return switch (method) {
                case "GET" -> Reply.ok(plugins.plugins().stream().map(ConsoleViews::plugin).toList());
                case "POST" -> upload(file, body);
                default -> notAllowed(method);
            };
        }
        if (resource.equals("plugins") && p.size() == 2 && method.equals("DELETE")) {
            plugins.uninstall(p.get(1));
            return new Reply(204, null);
        }
        if (resource.equals("plugins") && p.size() == 3 && p.get(2).equals("reload") && method.equals("POST")) {
            return Reply.ok(ConsoleViews.plugin(plugins.reload(p.get(1))));
        }
        if (resource.equals("targets") && p.size() == 1 && method.equals("GET")) {
            return Reply.ok(targets.views());
        }
        if (resource.equals("targets") && p.size() == 3 && p.get(2).equals("config")) {
            return switch (method) {
                case "GET" -> Reply.ok(config.describe(p.get(1)).stream().map(ConsoleViews::config).toList());
                case "POST" -> set(p.get(1), body);
                default -> notAllowed(method);
            };
        }
        return Reply.refused(404, "no console endpoint " + method + " /console/api/" + String.join("/", p));
    }

    private Reply upload(String file, InputStream body) throws IOException {
        Path written = PluginUpload.write(plugins.watchedFolders(), file, body);
        return Reply.ok(Map.of("file", written.getFileName().toString()));
    }

    // The value is never repeated in a reply: it may be a secret.
    private Reply set(String target, InputStream body) throws IOException {
        JsonNode change;
        try {
            change = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body: not JSON {\"key\": ..., \"value\": ...}");
        }
        if (change == null || !change.path("key").isTextual() || change.path("key").asText().isBlank()) {
            throw new IllegalArgumentException("key: missing");
        }
        JsonNode value = change.path("value");
        if (value.isContainerNode()) {
            throw new IllegalArgumentException("value: a string, or null to remove the key");
        }
        config.set(target, change.get("key").asText(), value.isValueNode() && !value.isNull() ? value.asText() : null);
        return Reply.ok(config.describe(target).stream().map(ConsoleViews::config).toList());
    }

    private static Reply notAllowed(String method) {
        return Reply.refused(405, method + " is not allowed here");
    }
}
