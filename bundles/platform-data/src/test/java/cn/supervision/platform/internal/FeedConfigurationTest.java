package cn.supervision.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/** What Blueprint's managed-service-factory does with one feed configuration: setters, init, updates, destroy. */
class FeedConfigurationTest {
    private LocalJpaTemplate jpa;
    private FeedScheduler scheduler;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("platform-test", "META-INF/platform-test-persistence.xml");
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of());
        scheduler = new FeedScheduler(jpa, registry, new Ingestion(jpa, registry), List.of(new HttpFeed()));
    }

    @AfterEach
    void stop() {
        scheduler.stop();
        jpa.close();
    }

    @Test
    void aConfigurationDefinesUpdatesAndRemovesItsFeed() {
        FeedConfiguration c = new FeedConfiguration(scheduler);
        c.setName("hotline");
        c.setJurisdiction("370500");
        c.setSourceSystem("hotline");
        c.setLocation("http://u:secret@127.0.0.1:1/export.csv");
        c.setFormat("csv");
        c.setDaysOfMonth("5");
        c.start();
        assertEquals(List.of(5), scheduler.definition("hotline").daysOfMonth());
        assertEquals("http://***@127.0.0.1:1/export.csv", scheduler.shown().get(0).location());

        Map<String, Object> changed = new HashMap<>();
        changed.put("name", "hotline");
        changed.put("jurisdiction", "370500");
        changed.put("sourceSystem", "hotline");
        changed.put("location", "http://127.0.0.1:1/export.csv");
        changed.put("daysOfMonth", "1,20");
        changed.put("felix.fileinstall.filename", "file:/etc/cn.supervision.platform.feed-hotline.cfg");
        c.update(changed);
        assertEquals(List.of(1, 20), scheduler.definition("hotline").daysOfMonth());
        assertEquals("json", scheduler.definition("hotline").format(), "format left out: json");

        changed.put("daysOfMonth", "0,40");
        c.update(changed); // refused and logged, not thrown at the configuration admin
        assertNull(scheduler.definition("hotline"), "an invalid configuration leaves its feed out");

        changed.put("daysOfMonth", "1");
        c.update(changed);
        c.stop();
        assertNull(scheduler.definition("hotline"));
        assertEquals(List.of(), scheduler.shown());
    }
}
