package org.llmrecon.bench.pf4j;

import org.pf4j.ExtensionPoint;

/** The extension point of the PF4J anchor, on the application's class path. */
public interface Greeter extends ExtensionPoint {
    /** @param name whom to greet @return the greeting */
    String greet(String name);
}
