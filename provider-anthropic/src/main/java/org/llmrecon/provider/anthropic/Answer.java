package org.llmrecon.provider.anthropic;

import java.util.List;

import org.llmrecon.api.provider.InvalidRequestException;

/**
 * An answer cut as a model would cut it: at the first stop sequence
 * ({@code stop}), else after {@code maxTokens} tokens ({@code length}).
 *
 * @param tokens the answer's tokens
 * @param finishReason {@code stop} or {@code length}
 */
record Answer(List<String> tokens, String finishReason) {

    static final int MAX_CHOICES = 8;

    static Answer of(String text, Integer maxTokens, List<String> stop) {
        if (maxTokens != null && maxTokens < 1) {
            throw new InvalidRequestException("anthropic: max_tokens must be at least 1, not " + maxTokens, 400,
                    "max_tokens", null);
        }
        String cut = text;
        for (String sequence : stop) {
            int at = sequence.isEmpty() ? -1 : cut.indexOf(sequence);
            if (at >= 0) {
                cut = cut.substring(0, at);
            }
        }
        List<String> tokens = AnthropicTokenizer.tokens(cut);
        if (maxTokens != null && tokens.size() > maxTokens) {
            return new Answer(List.copyOf(tokens.subList(0, maxTokens)), "length");
        }
        return new Answer(List.copyOf(tokens), "stop");
    }

    String text() {
        return String.join("", tokens);
    }

    static int choices(Integer n) {
        if (n == null) {
            return 1;
        }
        if (n < 1 || n > MAX_CHOICES) {
            throw new InvalidRequestException("anthropic: n must be between 1 and " + MAX_CHOICES + ", not " + n, 400, "n",
                    null);
        }
        return n;
    }
}
