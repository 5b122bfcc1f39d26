package org.llmrecon.provider.openai;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.llmrecon.api.provider.MalformedResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an answer body that must be one JSON object, and says in one line why one is not: bytes that are not
 * UTF-8, a content type that is not JSON, or JSON that does not parse (Jackson's own reason, without the
 * location lines it appends). Jackson's read constraints bound nesting depth and token sizes.
 */
final class AnswerJson {
    private AnswerJson() {
    }

    static JsonNode parse(String call, byte[] body, String mediaType, String server, ErrorMapping errors) {
        String problem;
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
            problem = node == null || node.isMissingNode() ? "an empty body" : "JSON that is not an object";
        } catch (IOException e) {
            problem = "a body that is not JSON (" + errors.scrub(reason(e)) + ")";
        }
        if (!utf8(body)) {
            problem = "a body that is not valid UTF-8";
        } else if (!mediaType.isEmpty() && !mediaType.contains("json")) {
            problem = "Content-Type " + errors.scrub(printable(mediaType)) + " where JSON was expected";
        }
        throw new MalformedResponseException(errors.type() + ": " + call + " answered with " + problem + " (" + body.length
                + " bytes), server " + server, null);
    }

    /** @return Jackson's reason without its source excerpt and location, on one line */
    static String reason(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : Causes.describe(e);
        message = message == null ? "no detail given" : message;
        int newline = message.indexOf('\n');
        return printable(newline < 0 ? message : message.substring(0, newline));
    }

    static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
