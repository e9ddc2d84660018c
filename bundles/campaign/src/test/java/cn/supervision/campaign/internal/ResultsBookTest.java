package cn.supervision.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.LatePolicy;
import cn.supervision.indicator.internal.JpaIndicatorSystemService;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/** The live-results cache is bounded: at most so many campaigns, each dropped after it has been idle long enough. */
class ResultsBookTest {
    private final AtomicLong nanos = new AtomicLong();
    private LocalJpaTemplate jpa;
    private ResultsBook book;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("campaign-duty-test", "META-INF/campaign-duty-test-persistence.xml");
        FakeRegistry registry = CampaignDutyLeavesTest.registry(List.of());
        JpaIndicatorSystemService systems = new JpaIndicatorSystemService(jpa, registry, id -> null);
        book = new ResultsBook(jpa, registry, new UnitSystems(jpa, systems), new Records(), Scoring.DEFAULT_BANDS, 2,
                nanos::get);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    private static Campaign campaign(long id) {
        return new Campaign(id, "370500", CampaignKind.ROUTINE, "t", null, null, Map.of(), Set.of(), null, null, List.of(), List.of(),
                CampaignState.COLLECTING, null, Instant.EPOCH, "t", Instant.EPOCH, "t", LatePolicy.MARK_LATE);
    }

    @Test
    void keepsNoMoreCampaignsThanItsBound() {
        for (long id = 1; id <= 5; id++) {
            book.cache(campaign(id));
        }
        assertTrue(book.cachedCampaigns() <= 2, "cached: " + book.cachedCampaigns());
    }

    @Test
    void dropsACampaignIdleLongerThanItsExpiry() {
        CampaignScores first = book.cache(campaign(1));
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(30));
        assertSame(first, book.cache(campaign(1)));
        nanos.addAndGet(ResultsBook.IDLE.toNanos() + 1);
        assertEquals(0, book.cachedCampaigns());
        assertNotSame(first, book.cache(campaign(1)));
    }
}
