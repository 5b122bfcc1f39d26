package org.llmrecon.testing;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects garbage until weak references are cleared: how the tests prove that
 * an uninstalled plugin's class loader can go. No event announces a
 * collection, so this counts collections instead of waiting on the framework.
 *
 * @since 1.0.0
 */
public final class GarbageCollection {
    private GarbageCollection() {
    }

    /**
     * Runs {@link System#gc()}, with some allocation between runs so that
     * collectors which skip an idle heap still act, until every reference is
     * cleared or {@code maxGcs} collections have run.
     *
     * @param references the references expected to clear
     * @param maxGcs the most collections to run
     * @return the number of collections run; the caller checks the references
     */
    public static int untilCleared(Collection<? extends Reference<?>> references, int maxGcs) {
        List<byte[]> garbage = new ArrayList<>();
        int gcs = 0;
        while (gcs < maxGcs && references.stream().anyMatch(r -> r.get() != null)) {
            System.gc();
            gcs++;
            garbage.clear();
            for (int i = 0; i < 64; i++) {
                garbage.add(new byte[64 * 1024]);
            }
        }
        return gcs;
    }
}
