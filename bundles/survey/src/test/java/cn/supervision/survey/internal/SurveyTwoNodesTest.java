package cn.supervision.survey.internal;

import static cn.supervision.survey.internal.SurveyServiceTest.CITY;
import static cn.supervision.survey.internal.SurveyServiceTest.TARGETS;
import static cn.supervision.survey.internal.SurveyServiceTest.UNITS;
import static cn.supervision.survey.internal.SurveyServiceTest.peerDraft;
import static cn.supervision.survey.internal.SurveyServiceTest.publicDraft;
import static cn.supervision.survey.internal.SurveyServiceTest.ratings;
import static cn.supervision.survey.internal.SurveyServiceTest.refused;
import static cn.supervision.survey.internal.SurveyServiceTest.unitUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.api.survey.Receipt;
import cn.supervision.api.survey.Submission;
import cn.supervision.api.survey.TokenRequest;
import cn.supervision.testing.CommitGate;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.MutableClock;
import cn.supervision.testing.fakes.FakeCampaignService;

/**
 * Two nodes (two services, each with its writer and its cache of open questionnaires) on one database, as behind the
 * load balancer: a submission retried on the other node gets the first one's receipt; a questionnaire closed on one
 * node takes no more answers on the other, and the close waits for the answers being written.
 */
class SurveyTwoNodesTest {
    private static final Submission FIVE = new Submission(null, null, List.of(new Answer("S1", 5, null)), null, null);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T02:00:00Z"));
    private final List<JpaSurveyService> started = new ArrayList<>();
    private LocalJpaTemplate jpa;
    private JpaSurveyService a;
    private JpaSurveyService b;

    private static FakeCampaignService campaigns() {
        return new FakeCampaignService() {
            @Override
            public Campaign get(Caller c, long id) {
                return new Campaign(1, "370500", CampaignKind.SPECIAL, "专项", null, new Period(Period.PeriodType.YEAR, 2026, null),
                        Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), EnumSet.allOf(Category.class), null, null, TARGETS, List.of(),
                        CampaignState.COLLECTING, null, Instant.EPOCH, "t", Instant.EPOCH, "t");
            }
        };
    }

    private JpaSurveyService node(JpaTemplate template, Clock nodeClock) {
        JpaSurveyService s = new JpaSurveyService(template, campaigns(), new FakeRegistry(FakeRegistry.DONGYING, UNITS),
                SurveyServiceTest.systems(), 100, nodeClock);
        started.add(s);
        return s;
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("survey-test", "META-INF/survey-test-persistence.xml");
        // each transaction on its connection from the start, as under JTA (see ResponseWriterTest.InTransaction)
        a = node(new ResponseWriterTest.InTransaction(jpa), clock);
        b = node(new ResponseWriterTest.InTransaction(jpa), clock);
    }

    @AfterEach
    void stop() {
        started.forEach(JpaSurveyService::close);
        jpa.close();
    }

    private List<String> tokens(Questionnaire q, int n) {
        return a.issueTokens(CITY, q.id(), new TokenRequest(n, 1L, "citizen", null)).stream().map(t -> t.value()).toList();
    }

    private int stored(Questionnaire q) {
        return a.responses(CITY, q.id(), null).size();
    }

    @Test
    void aTokenSubmissionRetriedOnTheOtherNodeGetsItsReceiptAlsoAfterTheClose() {
        Questionnaire q = a.open(CITY, a.create(CITY, 1, publicDraft(false)).id());
        String token = tokens(q, 1).get(0);
        Receipt first = a.submitWithToken(token, FIVE);
        clock.advance(java.time.Duration.ofMinutes(1));

        assertEquals(first, b.submitWithToken(token, FIVE));
        refused(ProblemKind.GONE, () -> b.submitWithToken(token, new Submission(null, null, List.of(new Answer("S1", 4, null)), null, null)));
        refused(ProblemKind.GONE, () -> b.submitWithToken(token, new Submission(null, null, FIVE.answers(), "张三", null)));
        a.close(CITY, q.id());
        assertEquals(first, b.submitWithToken(token, FIVE), "answered before the close: still its receipt");
        assertEquals(1, stored(q));
    }

    @Test
    void linkAndPeerSubmissionsRetriedOnTheOtherNodeGetTheirReceipts() {
        Questionnaire link = a.open(CITY, a.create(CITY, 1, publicDraft(true)).id());
        Submission s = new Submission(1L, "citizen", List.of(new Answer("S1", 4, null)), "李四", "13512345678");
        Receipt first = a.submitWithLink(link.openLinkKey(), s, "10.0.0.1", "device-aaaa");
        assertEquals(first, b.submitWithLink(link.openLinkKey(), s, "10.0.0.9", "device-aaaa"), "another address: still the same device");
        refused(ProblemKind.CONFLICT, () -> b.submitWithLink(link.openLinkKey(),
                new Submission(1L, "citizen", List.of(new Answer("S1", 3, null)), "李四", "13512345678"), "10.0.0.1", "device-aaaa"));
        assertEquals(1, stored(link));

        Questionnaire peer = a.open(CITY, a.create(CITY, 1, peerDraft()).id());
        Receipt rated = a.submitPeer(unitUser(2), peer.id(), 1, ratings(4, 5));
        assertEquals(rated, b.submitPeer(unitUser(2), peer.id(), 1, ratings(4, 5)));
        refused(ProblemKind.CONFLICT, () -> b.submitPeer(unitUser(2), peer.id(), 1, ratings(5, 5)));
        refused(ProblemKind.CONFLICT, () -> b.submitPeer(new Caller("u2-other", unitUser(2).roles(), "370500", "U2"), peer.id(), 1,
                ratings(4, 5)));
        b.close(CITY, peer.id());
        assertEquals(rated, a.submitPeer(unitUser(2), peer.id(), 1, ratings(4, 5)));
        refused(ProblemKind.GONE, () -> a.submitPeer(unitUser(3), peer.id(), 1, ratings(4, 5)));
        assertEquals(1, stored(peer));
    }

    @Test
    void theSameSubmissionRacingOnBothNodesIsStoredOnceAndEverySenderGetsItsReceipt() throws Exception {
        Questionnaire q = a.open(CITY, a.create(CITY, 1, publicDraft(false)).id());
        String token = tokens(q, 1).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JpaSurveyService node = i % 2 == 0 ? a : b;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return node.submitWithToken(token, FIVE);
                    } catch (SupervisionException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> answers = new ArrayList<>();
            for (Future<Object> f : outcomes) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            assertTrue(answers.stream().allMatch(r -> r instanceof Receipt), answers.toString());
            assertEquals(1, answers.stream().distinct().count(), answers.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, stored(q));
    }

    @Test
    void aQuestionnaireClosedOnOneNodeTakesNoMoreAnswersOnTheOther() {
        Questionnaire q = a.open(CITY, a.create(CITY, 1, publicDraft(true)).id());
        List<String> tokens = tokens(q, 3);
        b.submitWithToken(tokens.get(0), FIVE); // node B now holds the open questionnaire in its cache
        b.formForLink(q.openLinkKey());

        a.close(CITY, q.id());
        refused(ProblemKind.GONE, () -> b.submitWithToken(tokens.get(1), FIVE));
        refused(ProblemKind.GONE, () -> b.submitWithLink(q.openLinkKey(), new Submission(1L, "citizen", FIVE.answers(), null, null),
                "10.0.0.1", "device-bbbb"));
        assertEquals(1, stored(q));
        // the refusal told node B: its pages now see the close as well
        refused(ProblemKind.GONE, () -> b.formForToken(tokens.get(2)));
        assertEquals(QuestionnaireState.CLOSED, b.get(CITY, q.id()).state());
    }

    @Test
    void aCloseWaitsForTheAnswersBeingWrittenOnTheOtherNode() throws Exception {
        CommitGate gate = new CommitGate(new ResponseWriterTest.InTransaction(jpa));
        JpaSurveyService writing = node(gate, clock);
        Questionnaire q = a.open(CITY, a.create(CITY, 1, publicDraft(false)).id());
        List<String> tokens = tokens(q, 2);

        ExecutorService pool = Executors.newSingleThreadExecutor();
        Thread close = new Thread(() -> a.close(CITY, q.id()));
        try {
            gate.holdNext();
            Future<Object> answer = pool.submit(() -> writing.submitWithToken(tokens.get(0), FIVE));
            gate.awaitHeld(); // the answer's group read the questionnaire OPEN, its share lock held, not committed
            close.start();
            // the close's update of the questionnaire row waits for the group's share lock
            boolean waited = jpa.database().awaitLockWait("SV_QUESTIONNAIRE", Duration.ofSeconds(10));
            assertTrue(waited && close.isAlive(), "the close did not wait for the answer being written");
            gate.open();
            assertTrue(answer.get(30, TimeUnit.SECONDS) instanceof Receipt);
        } finally {
            gate.open();
            pool.shutdown();
        }
        close.join(30_000);
        assertEquals(QuestionnaireState.CLOSED, a.get(CITY, q.id()).state());
        refused(ProblemKind.GONE, () -> writing.submitWithToken(tokens.get(1), FIVE));
        assertEquals(1, stored(q));
    }
}
