package org.llmrecon.gateway.internal.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletResponse;

/**
 * One streamed chat answer as server-sent events in OpenAI's chunk format,
 * ending with the usage chunk when asked for and {@code data: [DONE]}. A
 * client that goes away fails the next write; the listener then tells the
 * provider to stop, which cancels the upstream call.
 */
final class ChatStream {
    private final HttpServletResponse resp;
    private final String model;
    private final boolean includeUsage;
    private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    private final long created = System.currentTimeMillis() / 1000;
    private OutputStream out;
    private boolean first = true;
    private boolean clientGone;

    ChatStream(HttpServletResponse resp, String model, boolean includeUsage) {
        this.resp = resp;
        this.model = model;
        this.includeUsage = includeUsage;
    }

    /** @return whether the client went away before the end */
    boolean run(Provider provider, ChatRequest request) {
        ChatResponse done;
        try {
            done = provider.chatStream(request, this::onChunk);
        } catch (ProviderException e) {
            if (out == null) {
                throw e;
            }
            if (!clientGone) {
                trySend(ErrorResponses.body(ProviderErrors.of(e)).toString());
            }
            return clientGone;
        }
        if (clientGone) {
            return true;
        }
        if (first) {
            onChunk(ChatChunk.builder().finishReason("stop").build());
        }
        if (includeUsage) {
            trySend(ChatResponses.usageChunk(done.usage(), id, created, model).toString());
        }
        trySend("[DONE]");
        return clientGone;
    }

    private boolean onChunk(ChatChunk chunk) {
        ObjectNode json = ChatResponses.chunk(chunk, id, created, model, first);
        first = false;
        return trySend(json.toString());
    }

    private boolean trySend(String data) {
        try {
            if (out == null) {
                resp.setStatus(200);
                resp.setContentType("text/event-stream");
                resp.setCharacterEncoding("UTF-8");
                resp.setHeader("Cache-Control", "no-cache");
                out = resp.getOutputStream();
            }
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            clientGone = true;
            return false;
        }
    }
}
