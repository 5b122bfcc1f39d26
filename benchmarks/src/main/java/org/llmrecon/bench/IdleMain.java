package org.llmrecon.bench;

/**
 * A JVM that does nothing until it is killed: the anchor of {@code idle.sh}. What it uses while idle (the JVM's
 * own periodic threads) is the floor under the launcher's idle CPU on the same machine and JDK.
 */
public final class IdleMain {
    private IdleMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
