package cn.supervision.survey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.testing.MutableClock;

class OpenQuestionnairesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T02:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();

    private Questionnaire load(long id, QuestionnaireState state) {
        loads.incrementAndGet();
        return new Questionnaire(id, 1, "370500", SurveyServiceTest.publicDraft(true), null, state, "link-" + id, Instant.EPOCH, "t",
                Instant.EPOCH, "t");
    }

    @Test
    void anOpenQuestionnaireIsServedFromTheCacheUntilItExpires() {
        OpenQuestionnaires open = new OpenQuestionnaires(10, Duration.ofMinutes(30), clock);
        Questionnaire first = open.get(7, id -> load(id, QuestionnaireState.OPEN));
        assertSame(first, open.get(7, id -> load(id, QuestionnaireState.OPEN)));
        assertEquals(1, loads.get(), "the second read costs no lookup");
        assertSame(first, open.byLink("link-7"));

        clock.advance(Duration.ofMinutes(31));
        assertNull(open.byLink("link-7"), "expired entries are not served by link");
        Questionnaire reread = open.get(7, id -> load(id, QuestionnaireState.CLOSED));
        assertEquals(2, loads.get(), "after its time an entry is read again");
        assertEquals(QuestionnaireState.CLOSED, reread.state(), "so a change made elsewhere is seen");
        open.get(7, id -> load(id, QuestionnaireState.CLOSED));
        assertEquals(3, loads.get(), "a questionnaire that is not open is never kept");
    }

    @Test
    void theCacheDoesNotGrowPastItsBound() {
        OpenQuestionnaires open = new OpenQuestionnaires(50, Duration.ofMinutes(30), clock);
        for (long id = 1; id <= 1_000; id++) {
            open.get(id, i -> load(i, QuestionnaireState.OPEN));
        }
        assertTrue(open.size() <= 50, "size " + open.size());
        open.opened(load(5_000, QuestionnaireState.OPEN));
        open.closed(5_000);
        assertNull(open.byLink("link-5000"), "closing drops the entry at once");
    }
}
