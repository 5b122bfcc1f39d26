package org.llmrecon.gateway.internal.openai;

import java.io.IOException;

import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.gateway.internal.GatewaySettings;
import org.llmrecon.gateway.internal.Targets;
import org.llmrecon.gateway.internal.metrics.GatewayMetrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every {@code POST /v1/...} endpoint does alike: read the JSON body
 * within the limit, route its {@code model} to a target, answer, and turn
 * every failure into OpenAI's error JSON with its status (never a stack
 * trace), counting the request and its latency per target.
 */
abstract class OpenAiEndpoint extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final ObjectMapper JSON = new ObjectMapper();

    private final transient GatewaySettings settings;
    private final transient GatewayMetrics metrics;
    private final transient ModelRouter router;
    private final String name;

    OpenAiEndpoint(String name, Targets targets, GatewaySettings settings, GatewayMetrics metrics) {
        this.name = name;
        this.settings = settings;
        this.metrics = metrics;
        this.router = new ModelRouter(targets);
    }

    /** The outcome of a request the client left before its answer: its upstream call was cancelled. */
    static final String CLIENT_GONE = "client_gone";

    /**
     * Answers a request whose body and model are valid.
     *
     * @return {@code null} when answered, else the error kind to count (e.g. {@link #CLIENT_GONE})
     * @throws GatewayException or {@link ProviderException} for an error answer, while nothing is committed
     */
    abstract String answer(ObjectNode body, ModelRoute route, HttpServletResponse resp) throws IOException;

    @Override
    protected final void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        String target = "-";
        String failure = null;
        ClientWatch client = ClientWatch.of(req);
        try (client) {
            ObjectNode body = JsonBody.read(req, settings.maxBodyBytes());
            String model = Fields.requiredText(body, "model", "model");
            client.calling();
            ModelRoute route = router.route(model);
            target = route.target();
            failure = answer(body, route, resp);
        } catch (IOException e) {
            if (!client.clientGone()) {
                throw e;
            }
            failure = CLIENT_GONE;
        } catch (RuntimeException e) {
            failure = client.clientGone() ? CLIENT_GONE : fail(e, resp);
        } finally {
            metrics.record(target, name, failure, System.nanoTime() - start);
        }
    }

    /** @return the error kind to count, once its OpenAI error JSON is written */
    private static String fail(RuntimeException e, HttpServletResponse resp) throws IOException {
        if (e instanceof GatewayException g) {
            ErrorResponses.write(g, resp);
            return kind(g);
        }
        if (e instanceof ProviderException p) {
            ErrorResponses.write(ProviderErrors.of(p), resp);
            return ProviderErrors.kind(p);
        }
        ErrorResponses.write(GatewayException.of(500, "server_error", "internal_error",
                "the gateway failed on this request (" + e.getClass().getSimpleName() + ")"), resp);
        return "internal";
    }

    static void writeJson(HttpServletResponse resp, ObjectNode body) throws IOException {
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        JSON.writeValue(resp.getOutputStream(), body);
    }

    private static String kind(GatewayException e) {
        return switch (e.status()) {
            case 400 -> "invalid_request";
            case 404 -> "model_not_found";
            case 413 -> "too_large";
            case 503 -> "unavailable";
            default -> "status_" + e.status();
        };
    }
}
