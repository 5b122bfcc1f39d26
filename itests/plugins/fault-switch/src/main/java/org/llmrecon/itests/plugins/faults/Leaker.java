package org.llmrecon.itests.plugins.faults;

/** A thread the plugin starts and never stops; it ends only when interrupted. */
final class Leaker extends Thread {
    Leaker(String name) {
        super(name);
        setDaemon(true);
    }

    @Override
    public void run() {
        synchronized (this) {
            try {
                while (true) {
                    wait();
                }
            } catch (InterruptedException e) {
                // asked to end: the only way out
            }
        }
    }
}
