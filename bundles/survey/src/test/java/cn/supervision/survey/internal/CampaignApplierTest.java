package cn.supervision.survey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import cn.supervision.api.indicator.Category;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Application;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.Submission;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeCampaignService;

/** Applying a questionnaire sends one batch; refused drafts become skipped with their reason, and nothing is ever half written. */
class CampaignApplierTest {
    private LocalJpaTemplate jpa;
    private JpaSurveyService surveys;
    /** Every batch the survey sent, and the drafts the fake campaign actually stored (only from written batches). */
    private final List<List<InputDraft>> batches = new ArrayList<>();
    private final List<InputDraft> stored = new ArrayList<>();
    /** Per call, the units whose drafts the campaign refuses; beyond the list nothing is refused. */
    private final List<Set<Long>> refusals = new ArrayList<>();
    private boolean collecting = true;

    private CampaignService campaigns() {
        return new FakeCampaignService() {
            @Override
            public Campaign get(Caller caller, long id) {
                return new Campaign(1, "370500", CampaignKind.SPECIAL, "专项", null, new Period(Period.PeriodType.YEAR, 2026, null),
                        Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 10L), EnumSet.allOf(Category.class), null, null,
                        SurveyServiceTest.TARGETS, List.of(), CampaignState.COLLECTING, null, Instant.EPOCH, "t", Instant.EPOCH, "t");
            }

            @Override
            public InputBatch recordInputs(Caller caller, long campaignId, List<InputDraft> inputs) {
                if (!collecting) {
                    throw SupervisionException.conflict("监管活动已发布");
                }
                List<InputDraft> drafts = List.copyOf(inputs);
                Set<Long> refused = batches.size() < refusals.size() ? refusals.get(batches.size()) : Set.of();
                batches.add(drafts);
                List<InputBatch.Outcome> outcomes = new ArrayList<>();
                for (int i = 0; i < drafts.size(); i++) {
                    InputDraft d = drafts.get(i);
                    outcomes.add(refused.contains(d.unitId())
                            ? new InputBatch.Outcome(i, null, ProblemKind.INVALID, "单位 " + d.unitId() + " 已撤销")
                            : new InputBatch.Outcome(i, null, null, null));
                }
                if (!refused.isEmpty()) {
                    return new InputBatch(false, outcomes);
                }
                List<InputBatch.Outcome> written = new ArrayList<>();
                for (InputDraft d : drafts) {
                    stored.add(d);
                    written.add(new InputBatch.Outcome(written.size(), new InputRecord(100 + stored.size(), 1, d.unitId(), d.code(),
                            d.input(), d.source(), d.explanation(), "city-admin", Instant.EPOCH, ReviewStatus.ACCEPTED, null, null),
                            null, null));
                }
                return new InputBatch(true, written);
            }
        };
    }

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("survey-test", "META-INF/survey-test-persistence.xml");
        surveys = new JpaSurveyService(jpa, campaigns(), new FakeRegistry(FakeRegistry.DONGYING, SurveyServiceTest.UNITS), SurveyServiceTest.systems(), 30,
                java.time.Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        surveys.close();
        jpa.close();
    }

    /** A public evaluation of units 1 and 2 with one answer each: two drafts (sample below minimum, applied anyway). */
    private long answered() {
        Questionnaire q = surveys.open(SurveyServiceTest.CITY, surveys.create(SurveyServiceTest.CITY, 1, SurveyServiceTest.publicDraft(true)).id());
        for (long unit = 1; unit <= 2; unit++) {
            surveys.submitWithLink(q.openLinkKey(), new Submission(unit, "citizen", List.of(new Answer("S1", 5, null)), null, null),
                    "10.0.0." + unit, "device-000" + unit);
        }
        return q.id();
    }

    @Test
    void aRefusedDraftIsSkippedWithItsReasonAndTheRestIsWrittenTogether() {
        long id = answered();
        refusals.add(Set.of(2L));
        Application a = surveys.apply(SurveyServiceTest.CITY, id, true);
        assertEquals(List.of(2, 1), batches.stream().map(List::size).toList(), "all drafts at once, then the accepted ones again");
        assertEquals(List.of(1L), stored.stream().map(InputDraft::unitId).toList());
        assertEquals(1, a.applied().size(), a.toString());
        assertEquals(1L, a.applied().get(0).unitId());
        assertEquals(101L, a.applied().get(0).inputId(), "the record the campaign answered");
        assertEquals(InputSource.PUBLIC_EVALUATION, stored.get(0).source());
        assertEquals(List.of(new Application.Skipped(2L, "C2.1", "单位 2 已撤销")), a.skipped(), "the campaign's reason, unchanged");
    }

    @Test
    void aRefusalOnTheSecondTryWritesNothing() {
        long id = answered();
        refusals.add(Set.of(2L));
        refusals.add(Set.of(1L));
        SupervisionException e = SurveyServiceTest.refused(ProblemKind.INVALID, () -> surveys.apply(SurveyServiceTest.CITY, id, true));
        assertTrue(e.getMessage().contains("单位 1 已撤销"), e.getMessage());
        assertEquals(2, batches.size());
        assertTrue(stored.isEmpty(), "nothing half-applied: " + stored);
    }

    @Test
    void aCampaignWideRefusalIsThrownAndNothingIsWritten() {
        long id = answered();
        collecting = false;
        SurveyServiceTest.refused(ProblemKind.CONFLICT, () -> surveys.apply(SurveyServiceTest.CITY, id, true));
        assertTrue(stored.isEmpty());
        collecting = true;
        Application a = surveys.apply(SurveyServiceTest.CITY, id, true);
        assertEquals(2, a.applied().size(), a.toString());
        assertEquals(List.of(List.of(1L, 2L)), batches.stream().map(b -> b.stream().map(InputDraft::unitId).toList()).toList(),
                "one batch when nothing is refused");
    }
}
