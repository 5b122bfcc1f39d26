package org.llmrecon.runtime.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReaperTest {
    private final Reaper reaper = new Reaper("reaper-test");
    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private final CountDownLatch dropped = new CountDownLatch(1);

    private final class Record extends WeakReference<Object> implements Reaper.Collected {
        final String name;

        Record(String name, Object referent) {
            super(referent, reaper.queue());
            this.name = name;
        }

        @Override
        public void collected() {
            records.remove(name, this);
            dropped.countDown();
        }
    }

    @AfterEach
    void close() {
        reaper.close();
    }

    @Test
    void aRecordGoesWhenItsReferentIsCollectedAndNotWhileItIsHeld() throws Exception {
        Object held = new Object();
        records.put("held", new Record("held", held));
        records.put("gone", new Record("gone", new Object()));
        for (int i = 0; i < 100 && dropped.getCount() > 0; i++) {
            System.gc();
            dropped.await(100, TimeUnit.MILLISECONDS);
        }
        assertTrue(dropped.await(0, TimeUnit.MILLISECONDS), "the collected referent's record was not dropped");
        assertEquals(1, records.size());
        assertSame(held, records.get("held").get());
    }
}
