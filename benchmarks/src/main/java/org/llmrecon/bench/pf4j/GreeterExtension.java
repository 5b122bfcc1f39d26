package org.llmrecon.bench.pf4j;

/** The extension in every generated PF4J plugin jar (listed in its {@code META-INF/extensions.idx}). */
public final class GreeterExtension implements Greeter {
    @Override
    public String greet(String name) {
        return "hello " + name;
    }
}
