package cn.supervision.document.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a renderer's classes once, some time after the bundle starts, so that the first real document is not the one
 * that pays. Not at start: on two cores the warm-up (~660 classes, ~150 MB allocated, 2 s of CPU) competed with the
 * rest of the platform's boot and delayed readiness; nobody asks for a document in the first half minute.
 */
final class RendererWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(RendererWarmUp.class);
    static final Duration AFTER_START = Duration.ofSeconds(30);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "supervision-documents-warm-up");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledFuture<?> pending;

    private RendererWarmUp(Runnable warmUp, Duration delay) {
        pending = thread.schedule(() -> {
            try {
                warmUp.run();
            } catch (RuntimeException | LinkageError e) {
                // a missing import shows here first (NoClassDefFoundError): the scheduled task's result is never read
                LOG.warn("document renderers could not warm up: {}", e.toString(), e);
            } finally {
                thread.shutdown();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    static RendererWarmUp after(Duration delay, Runnable warmUp) {
        return new RendererWarmUp(warmUp, delay);
    }

    /** The bundle stops: a warm-up that has not begun never will. */
    void cancel() {
        pending.cancel(false);
        thread.shutdown();
    }

    boolean done() {
        return pending.isDone();
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        return thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
