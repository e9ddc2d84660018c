package cn.supervision.cooperation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import cn.supervision.api.cooperation.ReferralState;

class FeedbackDeadlinesTest {

    @Test
    void theOfficesDayDecidesNotTheServers() {
        // 2026-12-05 16:30 UTC is already 2026-12-06 00:30 in Shanghai
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T16:30:00Z"), ZoneOffset.UTC);
        FeedbackDeadlines deadlines = new FeedbackDeadlines(clock);
        LocalDate due = LocalDate.of(2026, 12, 5);
        assertEquals(due, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        assertEquals(LocalDate.of(2026, 12, 6), deadlines.today());
        assertTrue(deadlines.overdue(ReferralState.SENT, due));
        assertTrue(deadlines.overdue(ReferralState.ACKNOWLEDGED, due));
        assertFalse(deadlines.overdue(ReferralState.SENT, LocalDate.of(2026, 12, 6))); // due today: not yet late
    }

    @Test
    void onlyAReferralAwaitingItsFirstFeedbackCanBeLate() {
        FeedbackDeadlines deadlines = new FeedbackDeadlines(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));
        LocalDate longAgo = LocalDate.of(2026, 1, 1);
        assertFalse(deadlines.overdue(ReferralState.ACCEPTED, longAgo));
        assertFalse(deadlines.overdue(ReferralState.NOT_ACCEPTED, longAgo));
        assertFalse(deadlines.overdue(ReferralState.CONCLUDED, longAgo));
    }

    @Test
    void withoutARequestedDateTheDefaultPeriodRunsFromToday() {
        FeedbackDeadlines deadlines = new FeedbackDeadlines(Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC));
        LocalDate today = deadlines.today();
        assertEquals(today.plusDays(FeedbackDeadlines.DEFAULT_FEEDBACK_DAYS), deadlines.due(null, today));
        assertEquals(LocalDate.of(2026, 12, 5), deadlines.due(LocalDate.of(2026, 12, 5), today));
    }
}
