package cn.supervision.document.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RendererWarmUpTest {

    @Test
    void warmsUpOnceAfterTheDelayAndLetsItsThreadGo() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        RendererWarmUp w = RendererWarmUp.after(Duration.ofMillis(1), ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertTrue(w.awaitTermination(Duration.ofSeconds(10)), "the warm-up thread ends after its one task");
    }

    @Test
    void aStoppedBundleNeverWarmsUp() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        RendererWarmUp w = RendererWarmUp.after(Duration.ofHours(1), runs::incrementAndGet);
        w.cancel();
        assertTrue(w.awaitTermination(Duration.ofSeconds(10)), "no thread is left waiting for an hour");
        assertTrue(w.done());
        assertEquals(0, runs.get());
    }

    @Test
    void aFailingWarmUpIsLoggedNotThrown() throws Exception {
        RendererWarmUp w = RendererWarmUp.after(Duration.ofMillis(1), () -> {
            throw new IllegalStateException("no faces");
        });
        assertTrue(w.awaitTermination(Duration.ofSeconds(10)), "the thread still ends");
    }
}
