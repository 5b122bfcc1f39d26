package org.llmrecon.bench.pf4j;

import org.pf4j.Plugin;

/** The plugin class of every generated PF4J plugin jar ({@code Plugin-Class}). */
public final class BenchPlugin extends Plugin {
}
