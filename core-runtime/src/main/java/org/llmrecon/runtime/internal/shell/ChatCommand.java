package org.llmrecon.runtime.internal.shell;

import java.io.PrintStream;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code llm:chat}: streams the answer to the session's console as the chunks arrive. */
@Component(service = ChatCommand.class, property = {"osgi.command.scope=llm", "osgi.command.function=chat"})
public final class ChatCommand {
    private final ProviderFactory factory;

    /** @param factory the provider factory */
    @Activate
    public ChatCommand(@Reference ProviderFactory factory) {
        this.factory = factory;
    }

    /**
     * @param session the Gogo session
     * @param model a model, or empty for the configured default
     * @param system a system prompt, or empty
     * @param temperature a temperature, or empty
     * @param image an image file or URL to send with the prompt, or empty
     * @param type the provider type
     * @param prompt the prompt, words joined by spaces
     * @return nothing: the answer is written as it arrives
     */
    @Descriptor("send one prompt to a target and stream the answer")
    public Object chat(CommandSession session,
            @Descriptor("model (default: the configured default model)") @Parameter(names = {"-m", "--model"},
                    absentValue = "") String model,
            @Descriptor("system prompt") @Parameter(names = {"-s", "--system"}, absentValue = "") String system,
            @Descriptor("sampling temperature, e.g. 0.2") @Parameter(names = {"-t", "--temperature"},
                    absentValue = "") String temperature,
            @Descriptor("an image to send with the prompt: a png, jpeg, gif or webp file, or an http(s) URL")
            @Parameter(names = {"-i", "--image"}, absentValue = "") String image,
            @Descriptor("target (a provider type for its default target)") String type,
            @Descriptor("the prompt") String... prompt) {
        stream(session.getConsole(), model, system, temperature, image, type, String.join(" ", prompt));
        return null;
    }

    ChatResponse stream(PrintStream out, String model, String system, String temperature, String image, String type,
            String prompt) {
        ChatRequest.Builder request = ChatRequest.builder();
        if (!model.isEmpty()) {
            request.model(model);
        }
        if (!system.isEmpty()) {
            request.system(system);
        }
        if (!temperature.isEmpty()) {
            try {
                request.temperature(Double.valueOf(temperature));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--temperature '" + Text.clean(temperature) + "': not a number");
            }
        }
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("chat " + Text.clean(type) + ": the prompt is empty");
        }
        if (image.isEmpty()) {
            request.user(prompt);
        } else {
            request.user(prompt, ImageArgument.parse(image));
        }
        // Ctrl-C in the shell interrupts this thread: the stream stops at the next chunk (the provider may call
        // the listener on a thread of its own, so the caller is asked, not the current thread)
        Thread caller = Thread.currentThread();
        ChatResponse response = factory.getProvider(type).chatStream(request.build(), chunk -> {
            if (caller.isInterrupted()) {
                return false;
            }
            out.print(chunk.content());
            out.flush();
            return true;
        });
        out.println();
        out.flush();
        return response;
    }
}
