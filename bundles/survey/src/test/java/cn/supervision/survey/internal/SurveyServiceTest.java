package cn.supervision.survey.internal;

import cn.supervision.rest.bounds.ProblemStatus;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Application;
import cn.supervision.api.survey.Conversion;
import cn.supervision.api.survey.IndicatorBinding;
import cn.supervision.api.survey.Outlier;
import cn.supervision.api.survey.PeerPair;
import cn.supervision.api.survey.PeerTask;
import cn.supervision.api.survey.Progress;
import cn.supervision.api.survey.PublicForm;
import cn.supervision.api.survey.Question;
import cn.supervision.api.survey.QuestionType;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireDraft;
import cn.supervision.api.survey.QuestionnaireKind;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.api.survey.Respondent;
import cn.supervision.api.survey.RespondentCategory;
import cn.supervision.api.survey.Response;
import cn.supervision.api.survey.Submission;
import cn.supervision.api.survey.Token;
import cn.supervision.api.survey.TokenRequest;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeCampaignService;
import cn.supervision.testing.fakes.FakeIndicatorSystemService;

class SurveyServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final List<Unit> UNITS = List.of(unit(1), unit(2), unit(3), unit(4), unit(5), unit(6), unit(7), unit(8));
    static final List<Long> TARGETS = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);

    private LocalJpaTemplate jpa;
    private JpaSurveyService surveys;
    private final List<InputDraft> recorded = new ArrayList<>();
    private CampaignState campaignState = CampaignState.COLLECTING;

    static Unit unit(long id) {
        return new Unit(id, "U" + id, "单位" + id, null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    static Caller unitUser(long unit) {
        return new Caller("u" + unit + "-user", Set.of(Role.UNIT_USER), "370500", "U" + unit);
    }

    static IndicatorSystem system() {
        Indicator core = new Indicator("A1", "核心", null, null, BigDecimal.TEN, Category.CORE, null, null, null);
        Indicator peer = new Indicator("C1.1", "部门协作配合", null, null, BigDecimal.TEN, Category.PEER_REVIEW, null, null, null);
        Indicator pub = new Indicator("C2.1", "服务对象满意率", null, null, BigDecimal.TEN, Category.PUBLIC_EVALUATION, null, null, null);
        return new IndicatorSystem(10, "370500", "l", 1, SystemStatus.PUBLISHED, null, "h",
                new SystemDefinition("体系", 2026, Set.of(), Aggregation.POINTS, BigDecimal.valueOf(100), null, null, null,
                        List.of(core, peer, pub), List.of()), Instant.EPOCH, "t", Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    /** Campaign 1 in {@link #campaignState}, seen by the city only; it records every draft while collecting or scoring. */
    private CampaignService campaigns() {
        return new FakeCampaignService() {
            @Override
            public Campaign get(Caller c, long id) {
                if (!c.isSystem() && !"370500".equals(c.jurisdictionCode())) {
                    throw SupervisionException.forbidden("campaign");
                }
                return new Campaign(1, "370500", CampaignKind.SPECIAL, "专项", null, new Period(Period.PeriodType.YEAR, 2026, null),
                        Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), EnumSet.allOf(Category.class), null, null,
                        campaignState == CampaignState.DRAFT ? null : TARGETS, List.of(), campaignState, null,
                        Instant.EPOCH, "t", Instant.EPOCH, "t");
            }

            @Override
            public InputBatch recordInputs(Caller c, long campaignId, List<InputDraft> drafts) {
                if (campaignState != CampaignState.COLLECTING && campaignState != CampaignState.SCORING) {
                    throw SupervisionException.conflict("closed");
                }
                List<InputBatch.Outcome> outcomes = new ArrayList<>();
                for (InputDraft d : drafts) {
                    recorded.add(d);
                    outcomes.add(new InputBatch.Outcome(outcomes.size(), new InputRecord(recorded.size(), 1, d.unitId(), d.code(), d.input(),
                            d.source(), d.explanation(), c.username(), Instant.EPOCH, ReviewStatus.ACCEPTED, null, null), null, null));
                }
                return new InputBatch(true, outcomes);
            }
        };
    }

    static IndicatorSystemService systems() {
        return new FakeIndicatorSystemService() {
            @Override
            public IndicatorSystem get(Caller caller, long id) {
                return system();
            }
        };
    }

    private Instant now = Instant.parse("2026-11-01T02:00:00Z");

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("survey-test", "META-INF/survey-test-persistence.xml");
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        // each transaction on its connection from the start, as under JTA (see ResponseWriterTest.InTransaction)
        surveys = new JpaSurveyService(new ResponseWriterTest.InTransaction(jpa), campaigns(), new FakeRegistry(FakeRegistry.DONGYING, UNITS), systems(), 3, clock);
    }

    @AfterEach
    void stop() {
        surveys.close();
        jpa.close();
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage() + " " + e.errors());
        return e;
    }

    static QuestionnaireDraft peerDraft() {
        return new QuestionnaireDraft(QuestionnaireKind.PEER_REVIEW, "2026年部门互评", "请客观评价", List.of(
                new Question("Q1", "响应速度", QuestionType.RATING, true),
                new Question("Q2", "协作配合", QuestionType.RATING, true),
                new Question("Q3", "意见建议", QuestionType.TEXT, false)), null, null, 5, false,
                List.of(new IndicatorBinding("C1.1", Conversion.MEAN_SCORE, null)));
    }

    static QuestionnaireDraft publicDraft(boolean openLink) {
        return new QuestionnaireDraft(QuestionnaireKind.PUBLIC_EVALUATION, "2026年社会评议", null, List.of(
                new Question("S1", "总体满意度", QuestionType.SATISFACTION, true),
                new Question("S2", "办事便捷", QuestionType.RATING, false)), List.of(1L, 2L),
                List.of(new RespondentCategory("enterprise", "企业", 2), new RespondentCategory("citizen", "群众", null)), 2, openLink,
                List.of(new IndicatorBinding("C2.1", Conversion.SATISFACTION_RATE, "S1")));
    }

    static List<Answer> ratings(int q1, int q2) {
        return List.of(new Answer("Q1", q1, null), new Answer("Q2", q2, null));
    }

    @Test
    void definitionsAreValidatedWithEveryProblemNamed() {
        SupervisionException e = refused(ProblemKind.INVALID, () -> surveys.create(CITY, 1, new QuestionnaireDraft(QuestionnaireKind.PEER_REVIEW, " ",
                null, List.of(new Question("Q1", "意见", QuestionType.TEXT, false), new Question("Q1", "", null, true)), List.of(99L),
                List.of(new RespondentCategory("x", "企业", 0)), 0, true,
                List.of(new IndicatorBinding("C2.1", Conversion.MEAN_SCORE, null), new IndicatorBinding("C1.1", Conversion.SATISFACTION_RATE, "Q1")))));
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("title", "questions[1].code", "questions[1].text", "questions[1].type",
                "respondentCategories[0].quota", "minimumSample", "openLink", "targetUnitIds", "bindings[0].indicatorCode",
                "bindings[1].questionCode")), fields.toString());
        refused(ProblemKind.FORBIDDEN, () -> surveys.create(LIJIN, 1, peerDraft()));
        refused(ProblemKind.FORBIDDEN, () -> surveys.create(unitUser(1), 1, peerDraft()));
    }

    @Test
    void peerReviewIsAnonymousOncePerPairAndFeedsThePeerReviewIndicator() {
        Questionnaire q = surveys.create(CITY, 1, peerDraft());
        assertEquals(56, surveys.peerMatrix(CITY, q.id()).size(), "default: each of 8 units rates the 7 others");
        refused(ProblemKind.INVALID, () -> surveys.setPeerMatrix(CITY, q.id(), List.of(new PeerPair(1, 1))));
        refused(ProblemKind.INVALID, () -> surveys.setPeerMatrix(CITY, q.id(), List.of(new PeerPair(1, 99))));
        refused(ProblemKind.GONE, () -> surveys.submitPeer(unitUser(2), q.id(), 1, ratings(5, 5)));
        assertTrue(surveys.peerReviews(unitUser(2)).isEmpty(), "a draft is not shown to the units");

        surveys.open(CITY, q.id());
        assertEquals(List.of(q.id()), surveys.peerReviews(unitUser(2)).stream().map(Questionnaire::id).toList());
        refused(ProblemKind.FORBIDDEN, () -> surveys.peerReviews(CITY));
        refused(ProblemKind.CONFLICT, () -> surveys.update(CITY, q.id(), peerDraft()));
        refused(ProblemKind.CONFLICT, () -> surveys.setPeerMatrix(CITY, q.id(), List.of(new PeerPair(1, 2))));
        assertEquals(q.id(), surveys.get(unitUser(2), q.id()).id(), "a rating unit reads the questionnaire it answers");
        refused(ProblemKind.FORBIDDEN, () -> surveys.get(new Caller("lj-user", Set.of(Role.UNIT_USER), "370522", "LJ1"), q.id())); // another county's unit
        List<PeerTask> tasks = surveys.peerTasks(unitUser(2), q.id());
        assertEquals(7, tasks.size());
        assertFalse(tasks.stream().anyMatch(t -> t.ratedUnitId() == 2), "never itself");

        // unit 1 is rated 80 by six peers and 20 by one: the low one is an outlier (beyond 2σ)
        for (long rater = 2; rater <= 7; rater++) {
            surveys.submitPeer(unitUser(rater), q.id(), 1, ratings(4, 4));
        }
        surveys.submitPeer(unitUser(8), q.id(), 1, ratings(1, 1));
        refused(ProblemKind.CONFLICT, () -> surveys.submitPeer(unitUser(8), q.id(), 1, ratings(5, 5)));
        refused(ProblemKind.INVALID, () -> surveys.submitPeer(unitUser(3), q.id(), 2, List.of(new Answer("Q1", 6, null))));
        refused(ProblemKind.FORBIDDEN, () -> surveys.submitPeer(unitUser(1), q.id(), 1, ratings(5, 5)));
        assertTrue(surveys.peerTasks(unitUser(8), q.id()).stream().filter(t -> t.ratedUnitId() == 1).allMatch(PeerTask::done));

        refused(ProblemKind.FORBIDDEN, () -> surveys.responses(unitUser(1), q.id(), 1L));
        refused(ProblemKind.FORBIDDEN, () -> surveys.outliers(unitUser(1), q.id()));
        List<Response> responses = surveys.responses(CITY, q.id(), 1L);
        assertEquals(7, responses.size());
        assertEquals(new BigDecimal("80.00"), responses.get(0).score());

        List<Outlier> outliers = surveys.outliers(CITY, q.id());
        assertEquals(1, outliers.size(), outliers.toString());
        Outlier low = outliers.get(0);
        assertEquals(new BigDecimal("20.00"), low.score());
        assertEquals(Outlier.Decision.PENDING, low.decision());
        assertEquals(new BigDecimal("71.43"), low.unitMean());

        Application blocked = surveys.apply(CITY, q.id(), true);
        assertTrue(blocked.skipped().stream().anyMatch(s -> s.unitId() == 1 && s.reason().contains("离群")), blocked.toString());
        assertTrue(recorded.isEmpty() || recorded.stream().noneMatch(r -> r.unitId() == 1L));

        refused(ProblemKind.INVALID, () -> surveys.decideOutlier(CITY, q.id(), low.responseId(), false, " "));
        Outlier decided = surveys.decideOutlier(CITY, q.id(), low.responseId(), false, "与其他单位评价明显偏离，经核实为误填");
        assertEquals(Outlier.Decision.EXCLUDED, decided.decision());
        assertEquals("city-admin", decided.decidedBy());
        refused(ProblemKind.CONFLICT, () -> surveys.decideOutlier(CITY, q.id(), responses.get(0).id(), true, "正常答卷"));
        recorded.clear();

        Application applied = surveys.apply(CITY, q.id(), false);
        assertEquals(1, applied.applied().size(), applied.toString());
        Application.Applied a = applied.applied().get(0);
        assertEquals(1L, a.unitId());
        assertEquals(new BigDecimal("80.00"), a.value());
        assertEquals(12, a.answers(), "6 valid responses × 2 rating questions");
        assertTrue(a.explanation().contains("剔除离群 1 份") && a.explanation().contains("× 20"), a.explanation());
        assertEquals(InputSource.PEER_REVIEW, recorded.get(0).source());
        assertEquals("C1.1", recorded.get(0).code());
        assertEquals(7, applied.skipped().size(), "the other units have no answers yet");
        assertTrue(applied.skipped().stream().allMatch(s -> s.reason().contains("未达到最低样本量")), applied.skipped().toString());

        Progress p = surveys.progress(CITY, q.id());
        assertEquals(7, p.responses());
        assertEquals(1, p.excluded());
        assertTrue(p.units().get(0).sampleReached());
        assertFalse(p.complete());
    }

    @Test
    void tokensAreOneTimeAndPersonalDataIsMaskedAndAudited() {
        Questionnaire q = surveys.create(CITY, 1, publicDraft(false));
        refused(ProblemKind.FORBIDDEN, () -> surveys.peerTasks(unitUser(1), q.id()));
        List<Token> tokens = surveys.issueTokens(CITY, q.id(), new TokenRequest(null, 1L, null, List.of(
                new TokenRequest.Recipient("张三", "13812341234", "enterprise"),
                new TokenRequest.Recipient("欧阳娜娜", "13900001111", "citizen"),
                new TokenRequest.Recipient(null, "13700002222", "enterprise"))));
        assertEquals(3, tokens.size());
        assertEquals("张*", tokens.get(0).recipientName());
        assertEquals("138****1234", tokens.get(0).recipientPhone());
        assertEquals("欧***", tokens.get(1).recipientName());
        assertTrue(tokens.get(0).value().length() >= 20);
        assertTrue(surveys.tokens(CITY, q.id()).stream().allMatch(t -> t.value() == null), "the secret is never shown again");
        refused(ProblemKind.INVALID, () -> surveys.issueTokens(CITY, q.id(), new TokenRequest(1, null, "nobody", null)));
        refused(ProblemKind.GONE, () -> surveys.formForToken(tokens.get(0).value()));
        surveys.open(CITY, q.id());

        PublicForm form = surveys.formForToken(tokens.get(0).value());
        assertEquals(List.of(1L), form.units().stream().map(PublicForm.UnitChoice::id).toList(), "bound to its unit");
        assertEquals("enterprise", form.fixedCategory());
        assertEquals("东营市", form.jurisdictionName());
        refused(ProblemKind.NOT_FOUND, () -> surveys.formForToken("x".repeat(22)));

        Submission five = new Submission(2L, null, List.of(new Answer("S1", 5, null)), "冒名", null);
        var receipt = surveys.submitWithToken(tokens.get(0).value(), five);
        assertEquals(receipt, surveys.submitWithToken(tokens.get(0).value(), five), "sent again: the same receipt, nothing stored twice");
        refused(ProblemKind.GONE, () -> surveys.submitWithToken(tokens.get(0).value(),
                new Submission(2L, null, List.of(new Answer("S1", 4, null)), "冒名", null)));
        refused(ProblemKind.INVALID, () -> surveys.submitWithToken(tokens.get(1).value(), new Submission(null, null, List.of(new Answer("S2", 3, null)), null, null)));
        surveys.submitWithToken(tokens.get(1).value(), new Submission(null, null, List.of(new Answer("S1", 3, null)), null, null));
        surveys.submitWithToken(tokens.get(2).value(), new Submission(null, null, List.of(new Answer("S1", 4, null)), null, null));

        List<Response> responses = surveys.responses(CITY, q.id(), null);
        assertEquals(List.of(1L, 1L, 1L), responses.stream().map(Response::unitId).toList(), "the token's unit wins over the form's");
        assertEquals("张*", responses.get(0).respondentName(), "the recipient, not what the form claimed");
        assertEquals("138****1234", responses.get(0).respondentPhone());
        assertNull(responses.get(0).raterUnitId());

        refused(ProblemKind.INVALID, () -> surveys.reveal(CITY, q.id(), responses.get(0).id(), ""));
        refused(ProblemKind.FORBIDDEN, () -> surveys.reveal(LIJIN, q.id(), responses.get(0).id(), "核实"));
        Respondent r = surveys.reveal(CITY, q.id(), responses.get(0).id(), "回访核实评价内容");
        assertEquals("13812341234", r.phone());
        assertEquals("张三", r.name());
        surveys.revealToken(CITY, q.id(), tokens.get(1).id(), "补发短信");
        assertEquals(List.of("答卷 " + responses.get(0).id(), "填写码 " + tokens.get(1).id()),
                surveys.accessLog(CITY, q.id()).stream().map(a -> a.subject()).toList());

        Progress p = surveys.progress(CITY, q.id());
        assertEquals(3, p.units().get(0).responses());
        assertEquals(0, p.units().get(1).responses());
        assertEquals(List.of(2, 1), p.categories().stream().map(Progress.CategoryProgress::responses).toList());
        assertTrue(p.categories().get(0).quotaReached());
        assertFalse(p.complete(), "unit 2 has no answers");

        Application applied = surveys.apply(CITY, q.id(), false);
        Application.Applied a = applied.applied().get(0);
        assertEquals(new BigDecimal("66.67"), a.value(), "(非常满意 1 + 满意 1) ÷ 3 × 100");
        assertEquals(InputSource.PUBLIC_EVALUATION, recorded.get(0).source());
        assertTrue(a.explanation().contains("(非常满意 1 + 满意 1) ÷ 有效回答 3"), a.explanation());
        assertEquals(List.of(2L), applied.skipped().stream().map(Application.Skipped::unitId).toList());

        surveys.close(CITY, q.id());
        refused(ProblemKind.GONE, () -> surveys.submitWithToken(tokens.get(2).value(), five));
        campaignState = CampaignState.PUBLISHED;
        refused(ProblemKind.CONFLICT, () -> surveys.apply(CITY, q.id(), false));
    }

    @Test
    void theSharedLinkRefusesRepeatsAndLimitsEachAddress() {
        Questionnaire q = surveys.open(CITY, surveys.create(CITY, 1, publicDraft(true)).id());
        assertEquals(QuestionnaireState.OPEN, q.state());
        assertEquals(2, surveys.formForLink(q.openLinkKey()).units().size());
        refused(ProblemKind.NOT_FOUND, () -> surveys.formForLink("nope"));
        Submission s = new Submission(1L, "citizen", List.of(new Answer("S1", 4, null), new Answer("S2", 5, null)), "李四", "13512345678");
        var receipt = surveys.submitWithLink(q.openLinkKey(), s, "10.0.0.1", "device-aaaa");
        assertEquals(receipt, surveys.submitWithLink(q.openLinkKey(), s, "10.0.0.1", "device-aaaa"), "sent again: its receipt");
        refused(ProblemKind.INVALID, () -> surveys.submitWithLink(q.openLinkKey(), s, "10.0.0.1", null));
        refused(ProblemKind.INVALID, () -> surveys.submitWithLink(q.openLinkKey(), new Submission(1L, "nobody", s.answers(), null, null), "10.0.0.1", "device-bbbb"));
        surveys.submitWithLink(q.openLinkKey(), new Submission(2L, "citizen", s.answers(), null, null), "10.0.0.1", "device-aaaa");
        refused(ProblemKind.THROTTLED, () -> surveys.submitWithLink(q.openLinkKey(), new Submission(2L, "citizen", s.answers(), null, null), "10.0.0.1", "device-dddd"));
        surveys.submitWithLink(q.openLinkKey(), new Submission(2L, "citizen", s.answers(), null, null), "10.0.0.2", "device-dddd");
        now = now.plusSeconds(3_601);
        surveys.submitWithLink(q.openLinkKey(), new Submission(2L, "enterprise", s.answers(), null, null), "10.0.0.1", "device-eeee");
        assertEquals("135****5678", surveys.responses(CITY, q.id(), 1L).get(0).respondentPhone());
        assertEquals(4, surveys.progress(CITY, q.id()).responses(), "a repeat counts against the address's hour too");
    }

    @Test
    void concurrentSubmissionsOfOneTokenStoreExactlyOne() throws Exception {
        Questionnaire q = surveys.open(CITY, surveys.create(CITY, 1, publicDraft(false)).id());
        String token = surveys.issueTokens(CITY, q.id(), new TokenRequest(1, 1L, "citizen", null)).get(0).value();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        surveys.submitWithToken(token, new Submission(null, null, List.of(new Answer("S1", 5, null)), null, null));
                        return 200;
                    } catch (SupervisionException e) {
                        return ProblemStatus.of(e.kind());
                    }
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : outcomes) {
                statuses.add(f.get());
            }
            // the same submission eight times: stored once, and each sender is told it was (the one receipt)
            assertEquals(8, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, surveys.responses(CITY, q.id(), null).size());
    }

    @Test
    void aDuplicateInAGroupOfConcurrentSubmissionsRefusesOnlyItself() throws Exception {
        Questionnaire q = surveys.open(CITY, surveys.create(CITY, 1, publicDraft(true)).id());
        Submission s = new Submission(1L, "citizen", List.of(new Answer("S1", 4, null)), null, null);
        surveys.submitWithLink(q.openLinkKey(), new Submission(1L, "citizen", List.of(new Answer("S1", 2, null)), null, null),
                "10.1.0.0", "device-taken"); // the same device sending other answers is a duplicate, not a retry
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 16; i++) {
                    String device = i == 0 ? "device-taken" : "device-" + round + "-" + i;
                    String client = "10.1." + round + "." + i;
                    outcomes.add(pool.submit(() -> {
                        try {
                            surveys.submitWithLink(q.openLinkKey(), s, client, device);
                            return 201;
                        } catch (SupervisionException e) {
                            return ProblemStatus.of(e.kind());
                        }
                    }));
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : outcomes) {
                statuses.add(f.get());
            }
            assertEquals(75, statuses.stream().filter(x -> x == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(x -> x == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(76, surveys.responses(CITY, q.id(), 1L).size());
    }

    @Test
    void conversionsFollowTheDocumentedFormulas() {
        List<Question> qs = List.of(new Question("S1", "满意度", QuestionType.SATISFACTION, true), new Question("R1", "便捷", QuestionType.RATING, true));
        List<List<Answer>> answers = List.of(
                List.of(new Answer("S1", 5, null), new Answer("R1", 3, null)),
                List.of(new Answer("S1", 2, null), new Answer("R1", 4, null)),
                List.of(new Answer("S1", 4, null)));
        Conversions.Converted rate = Conversions.convert(new IndicatorBinding("x", Conversion.SATISFACTION_RATE, null), qs, answers);
        assertEquals(new BigDecimal("66.67"), rate.value());
        assertEquals(3, rate.answers());
        Conversions.Converted mean = Conversions.convert(new IndicatorBinding("x", Conversion.MEAN_SCORE, null), qs, answers);
        assertEquals(new BigDecimal("72.00"), mean.value(), "(5+3+2+4+4) × 20 ÷ 5");
        assertEquals(new BigDecimal("70.00"), Conversions.convert(new IndicatorBinding("x", Conversion.MEAN_SCORE, "R1"), qs, answers).value());
        assertNull(Conversions.convert(new IndicatorBinding("x", Conversion.MEAN_SCORE, "R1"), qs, List.of()).value());
        assertEquals("***34", Conversions.maskPhone("12334"));
    }
}
