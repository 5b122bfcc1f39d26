package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

class ShellHistoryTest {

    @Test
    void linesThatCarryASecretAreNotKept() throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).streams(System.in, System.out).build()) {
            ShellHistory history = new ShellHistory((target, key) -> key.equals("baseUrl"));
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            history.attach(reader);
            for (String line : List.of("llm:chat mock hi", "config local baseUrl http://x",
                    "config local apiKey sk-secret-1", "llm:target add local openai apiKey=sk-secret-2 baseUrl=http://x",
                    "target add corp openai baseUrl=http://corp", "llm:config history local",
                    "llm:gateway key add sk-gateway-secret", "gateway key add sk-gateway-secret-2", "gateway key add")) {
                history.add(Instant.now(), line);
            }
            List<String> kept = new ArrayList<>();
            history.forEach(e -> kept.add(e.line()));
            assertEquals(List.of("llm:chat mock hi", "config local baseUrl http://x",
                    "target add corp openai baseUrl=http://corp", "llm:config history local", "gateway key add"), kept);
        }
    }
}
