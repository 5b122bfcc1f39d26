package org.llmrecon.provider.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs for fuzzing: valid samples mutated the way broken servers and files break them (a byte changed, a
 * piece cut out, doubled or truncated, a token of the format or a byte that is not UTF-8 put in).
 */
final class Mutations {
    private static final List<String> TOKENS = List.of("\n", "\r", "\r\n", "\n\n", "data:", "data: ", "event: error",
            ":", "[DONE]", "{", "}", "[", "]", "\"", ",", "null", "-1", "1e999", "\u0000", "\\u", "\uFEFF", "\u2028",
            "{\"error\":{}}", "\"choices\":", "\"tool_calls\":[{\"index\":-7}]");
    private static final List<byte[]> RAW = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90});

    private record Mutation(int kind, int at, int length, byte[] token) {
    }

    private Mutations() {
    }

    /** @return arbitrary byte arrays up to {@code maxSize} */
    static Arbitrary<byte[]> bytes(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
    }

    /** @return one of the samples with up to eight mutations applied */
    static Arbitrary<byte[]> of(String... samples) {
        Arbitrary<byte[]> token = Arbitraries.oneOf(Arbitraries.of(TOKENS).map(t -> t.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(RAW));
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(1, 64), token)
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(samples), mutation.list().ofMaxSize(8))
                .as((sample, mutations) -> {
                    byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
                    for (Mutation m : mutations) {
                        bytes = apply(bytes, m);
                    }
                    return bytes;
                });
    }

    private static byte[] apply(byte[] bytes, Mutation m) {
        int at = bytes.length == 0 ? 0 : m.at() % (bytes.length + 1);
        int end = Math.min(bytes.length, at + m.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (m.kind()) {
            case 0 -> { // insert a token
                out.write(bytes, 0, at);
                out.writeBytes(m.token());
                out.write(bytes, at, bytes.length - at);
            }
            case 1 -> { // cut a piece out
                out.write(bytes, 0, at);
                out.write(bytes, end, bytes.length - end);
            }
            case 2 -> { // double a piece
                out.write(bytes, 0, end);
                out.write(bytes, at, end - at);
                out.write(bytes, end, bytes.length - end);
            }
            case 3 -> out.write(bytes, 0, at); // truncate
            default -> { // change one byte
                byte[] copy = bytes.clone();
                if (at < copy.length) {
                    copy[at] ^= (byte) (m.length() | 1);
                }
                return copy;
            }
        }
        return out.toByteArray();
    }
}
