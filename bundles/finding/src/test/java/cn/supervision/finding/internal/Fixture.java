package cn.supervision.finding.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.Evaluation.AdjustmentScore;
import cn.supervision.api.indicator.Evaluation.NodeScore;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.Target;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;
import cn.supervision.testing.fakes.FakeCampaignService;

/** The real services on in-memory Derby over a fixed registry, campaigns faked with their stored revisions. */
final class Fixture implements AutoCloseable {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller GUANGRAO = new Caller("guangrao-admin", Set.of(Role.COUNTY_ADMIN), "370523", null);
    static final Caller LEADER = new Caller("city-leader", Set.of(Role.LEADER), "370500", null);
    static final Caller CZJ_USER = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller SFJ_USER = new Caller("sfj-user", Set.of(Role.UNIT_USER), "370500", "SFJ");
    static final Caller LJCZJ_USER = new Caller("ljczj-user", Set.of(Role.UNIT_USER), "370522", "LJCZJ");

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    static final List<Unit> UNITS = List.of(unit(1, "CZJ", "东营市财政局", "370500"), unit(2, "SFJ", "东营市司法局", "370500"),
            unit(3, "LJCZJ", "利津县财政局", "370522"), unit(4, "GRCZJ", "广饶县财政局", "370523"));

    /** A published city campaign (id 10) with two revisions, a county one (20), a city one still collecting (11). */
    final Map<Long, Campaign> campaigns = new HashMap<>();
    final Map<Long, List<ResultRevision>> revisions = new HashMap<>();
    final LocalJpaTemplate jpa = new LocalJpaTemplate("finding-test", "META-INF/finding-test-persistence.xml");
    final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, UNITS);
    final JpaFindingService findings;
    final JpaAccountabilityService accountability;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    Fixture() {
        campaigns.put(10L, campaign(10, "370500", CampaignState.PUBLISHED, List.of(1L, 2L)));
        campaigns.put(11L, campaign(11, "370500", CampaignState.COLLECTING, List.of(1L, 2L)));
        campaigns.put(20L, campaign(20, "370522", CampaignState.PUBLISHED, List.of(3L)));
        revisions.put(10L, List.of(new ResultRevision(10, 1, "发布", "city-admin", NOW, List.of(weak(1, "东营市财政局"), strong(2))),
                new ResultRevision(10, 2, "更正", "city-admin", NOW, List.of(weak(1, "东营市财政局"), strong(2)))));
        revisions.put(20L, List.of(new ResultRevision(20, 1, "发布", "lijin-admin", NOW, List.of(weak(3, "利津县财政局")))));
        findings = new JpaFindingService(jpa, registry, campaignService(), clock);
        accountability = new JpaAccountabilityService(jpa, registry, findings, clock);
    }

    /** A node's finding service on {@code template} (e.g. a second node's), with this fixture's registry and campaigns. */
    JpaFindingService findingsOn(JpaTemplate template) {
        return new JpaFindingService(template, registry, campaignService(), clock);
    }

    JpaAccountabilityService accountabilityOn(JpaTemplate template, JpaFindingService findingsOfTheNode) {
        return new JpaAccountabilityService(template, registry, findingsOfTheNode, clock);
    }

    static Unit unit(long id, String code, String name, String jurisdiction) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE, Mandate.EMPTY, 1,
                Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    static Campaign campaign(long id, String jurisdiction, CampaignState state, List<Long> targets) {
        return new Campaign(id, jurisdiction, CampaignKind.ROUTINE, "2026年度职能运行监管", null, new Period(Period.PeriodType.YEAR, 2026, null),
                Map.of(UnitKind.GOVERNMENT_DEPARTMENT, 5L), EnumSet.of(Category.CORE, Category.AUXILIARY, Category.PLATFORM_DATA),
                null, null, targets, List.of(), state, null, NOW, "t", NOW, "t");
    }

    static NodeScore leaf(String code, String name, Category category, String score, String max) {
        return new NodeScore(code, name, category, new BigDecimal(max), new BigDecimal(score), new BigDecimal(max), null,
                "按办结率计分", "得分 " + score, List.of(), "OFFICE city-admin", List.of());
    }

    /**
     * D1.1 3/12 (25 %: below 60 %, under two thirds of the share: SERIOUS), D1.2 10/10, C3.1 0/5 (GRAVE, platform data),
     * C1.1 0/10 (peer review: not a category of the campaign), V1 triggered, V2 not; views 80 against 35, flagged.
     */
    static UnitResult weak(long unitId, String name) {
        NodeScore duty = new NodeScore("D", "职责指标", null, new BigDecimal("22"), new BigDecimal("13"), new BigDecimal("22"), null, null,
                null, List.of(), null, List.of(leaf("D1.1", "三定规定主要职责履行", Category.CORE, "3", "12"),
                        leaf("D1.2", "市委市政府重点工作落实", Category.CORE, "10", "10")));
        NodeScore corroboration = new NodeScore("C", "印证指标", null, new BigDecimal("15"), BigDecimal.ZERO, new BigDecimal("15"), null,
                null, null, List.of(), null, List.of(leaf("C3.1", "12345热线按期办结率", Category.PLATFORM_DATA, "0", "5"),
                        leaf("C1.1", "部门协作配合", Category.PEER_REVIEW, "0", "10")));
        Evaluation e = new Evaluation(new BigDecimal("13"), new BigDecimal("13"), new BigDecimal("100"), null, null, BigDecimal.ZERO,
                BigDecimal.ZERO, false, true, List.of(), List.of(duty, corroboration),
                List.of(new AdjustmentScore("V1", "违反机构编制纪律", AdjustmentKind.VETO, BigDecimal.ZERO, true, "触发，一票否优", List.of("擅自设立内设机构")),
                        new AdjustmentScore("V2", "发生重大责任事故", AdjustmentKind.VETO, BigDecimal.ZERO, false, "未触发", List.of())),
                List.of());
        return new UnitResult(unitId, name, "GOVERNMENT_DEPARTMENT", 5, new BigDecimal("13"), "较差", new BigDecimal("80"),
                new BigDecimal("35"), new BigDecimal("45"), true, 2, 2, 0, List.of("C3.1 12345热线按期办结率"), e);
    }

    static UnitResult strong(long unitId) {
        NodeScore duty = new NodeScore("D", "职责指标", null, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, null, null, null, List.of(),
                null, List.of(leaf("D1.1", "三定规定主要职责履行", Category.CORE, "10", "10")));
        Evaluation e = new Evaluation(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, null, null, BigDecimal.ZERO, BigDecimal.ZERO, false,
                false, List.of(), List.of(duty), List.of(), List.of());
        return new UnitResult(unitId, "东营市司法局", "GOVERNMENT_DEPARTMENT", 5, BigDecimal.TEN, "优秀", new BigDecimal("100"),
                new BigDecimal("100"), BigDecimal.ZERO, false, 1, 1, 0, List.of(), e);
    }

    /** Campaigns as the campaign service answers them, deciding with the same Access policy. */
    private CampaignService campaignService() {
        return new FakeCampaignService() {
            @Override
            public Campaign get(Caller caller, long id) {
                registry.access().require(caller, Operation.READ_CAMPAIGN, target(id));
                return campaigns.get(id);
            }

            @Override
            public List<ResultRevision> revisions(Caller caller, long campaignId) {
                registry.access().require(caller, Operation.READ_RESULTS, target(campaignId));
                return revisions.getOrDefault(campaignId, List.of());
            }
        };
    }

    private Target target(long campaignId) {
        Campaign c = campaigns.get(campaignId);
        if (c == null) {
            throw SupervisionException.notFound("监管活动 " + campaignId + " 不存在");
        }
        return Target.of(c.jurisdictionCode()).published(c.state() == CampaignState.PUBLISHED);
    }

    @Override
    public void close() {
        jpa.close();
    }
}
