package cn.supervision.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.RuleType;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.Target;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.fakes.FakeCampaignService;
import cn.supervision.testing.fakes.FakeDocumentService;
import cn.supervision.testing.fakes.FakeFindingService;
import cn.supervision.testing.fakes.FakeRectificationService;
import cn.supervision.testing.fakes.FakeUserDirectory;

/**
 * Typed in-memory stand-ins of the services a result document reads, deciding with the real {@link Access} policy of
 * {@link FakeRegistry} the way the owning services do, and a capturing {@link DocumentService} (it enforces
 * GENERATE_DOCUMENTS like the real one and records every request). What the documents never call throws.
 */
final class Fixture {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller CZJ = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Instant PUBLISHED = Instant.parse("2026-11-20T02:00:00Z");

    final List<Unit> units = new ArrayList<>();
    final Map<Long, Campaign> campaigns = new HashMap<>();
    final Map<Long, List<ResultRevision>> revisions = new HashMap<>();
    final Map<String, List<InputRecord>> inputs = new HashMap<>();
    final List<Finding> findings = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();
    final List<UnitRectificationStatus> status = new ArrayList<>();
    final List<DocumentRequest> generated = new ArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    FakeRegistry registry;

    Unit unit(long id, String code, String name) {
        Unit u = new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE,
                new Mandate(List.of(), List.of(), null), 1, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
        units.add(u);
        return u;
    }

    static Campaign campaign(long id, CampaignState state, List<Long> targets) {
        return new Campaign(id, "370500", CampaignKind.ROUTINE, "2026年度部门履职", null, new Period(Period.PeriodType.YEAR, 2026, null),
                Map.of(), Set.of(Category.CORE), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), targets, List.of(), state, null,
                Instant.EPOCH, "city-admin", Instant.EPOCH, "city-admin");
    }

    /** A result whose two leaves scored {@code a} of 60 and {@code b} of 40. */
    static UnitResult result(long unitId, String name, String total, String grade, int rank, String a, String b, boolean flagged) {
        Evaluation.NodeScore leafA = new Evaluation.NodeScore("A1", "职责履行", Category.CORE, new BigDecimal("60"), new BigDecimal(a),
                new BigDecimal("60"), RuleType.RATIO, "按完成率计分", "完成率 " + a, List.of(), "system", List.of());
        Evaluation.NodeScore leafB = new Evaluation.NodeScore("B1", "编制使用", Category.CORE, new BigDecimal("40"), new BigDecimal(b),
                new BigDecimal("40"), RuleType.RATIO, "按超编人数扣分", "超编 0 人", List.of(), null, List.of());
        Evaluation.NodeScore root = new Evaluation.NodeScore("A", "履职", Category.CORE, new BigDecimal("100"), new BigDecimal(total),
                new BigDecimal("100"), null, null, "下级得分之和", List.of(), null, List.of(leafA, leafB));
        List<Evaluation.AdjustmentScore> adjustments = List.of(
                new Evaluation.AdjustmentScore("D1", "未按期报送", AdjustmentKind.DEDUCTION, new BigDecimal("2"), true, "逾期 1 次，扣 2 分", List.of()),
                new Evaluation.AdjustmentScore("P1", "创新做法", AdjustmentKind.BONUS, BigDecimal.ZERO, false, "无", List.of()));
        Evaluation e = new Evaluation(new BigDecimal(total), new BigDecimal(total), new BigDecimal("100"), null, null, BigDecimal.ZERO,
                BigDecimal.ZERO, false, false, List.of(), List.of(root), adjustments, List.of());
        return new UnitResult(unitId, name, "GOVERNMENT_DEPARTMENT", 1, new BigDecimal(total), grade, null, null, BigDecimal.ZERO, flagged,
                rank, rank, 0, List.of(), e);
    }

    static Finding finding(long id, long unitId, String unitName, FindingCategory category, FindingSource source, FindingState state,
                           String description, Instant createdAt) {
        return new Finding(id, "370500", unitId, unitName, source, category, Severity.SERIOUS, description, null, state, null, createdAt,
                "city-admin", createdAt, "city-admin");
    }

    ResultDocuments service() {
        registry = new FakeRegistry(FakeRegistry.DONGYING, units);
        return new ResultDocuments(registry, campaigns(), findings(), rectification(), users(), documents(), new TestFonts());
    }

    /** With another document service (the benchmark's real one), made on this fixture's registry. */
    ResultDocuments service(java.util.function.Function<FakeRegistry, DocumentService> documents) {
        registry = new FakeRegistry(FakeRegistry.DONGYING, units);
        return new ResultDocuments(registry, campaigns(), findings(), rectification(), users(), documents.apply(registry), new TestFonts());
    }

    private Access access() {
        return registry.access();
    }

    private Unit unitById(long id) {
        return units.stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }

    private CampaignService campaigns() {
        return new FakeCampaignService() {
            @Override
            public Campaign get(Caller caller, long id) {
                return campaign(caller, id);
            }

            @Override
            public List<ResultRevision> revisions(Caller caller, long campaignId) {
                Campaign c = campaign(caller, campaignId);
                access().require(caller, Operation.READ_RESULTS, new Target(c.jurisdictionCode(), null, published(c)));
                return revisions.getOrDefault(c.id(), List.of());
            }

            @Override
            public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) {
                Campaign c = campaign(caller, campaignId);
                access().require(caller, Operation.READ_RESULTS, new Target(c.jurisdictionCode(), null, published(c)));
                return revisions.get(c.id()).get(0).results();
            }

            @Override
            public List<InputRecord> inputs(Caller caller, long campaignId, long unitId) {
                Campaign c = campaign(caller, campaignId);
                Unit u = unitById(unitId);
                access().require(caller, Operation.READ_INPUTS, new Target(c.jurisdictionCode(), u.code(), published(c)));
                return inputs.getOrDefault(c.id() + "/" + u.id(), List.of());
            }
        };
    }

    /** One read of a campaign the caller may see, as every campaign method of the service starts. */
    private Campaign campaign(Caller caller, long id) {
        reads.incrementAndGet();
        Campaign c = campaigns.get(id);
        if (c == null) {
            throw SupervisionException.notFound("监管活动 " + id + " 不存在");
        }
        access().require(caller, Operation.READ_CAMPAIGN, Target.of(c.jurisdictionCode()));
        return c;
    }

    private static boolean published(Campaign c) {
        return c.state() == CampaignState.PUBLISHED;
    }

    private FindingService findings() {
        return new FakeFindingService() {
            @Override
            public List<Finding> list(Caller caller, String jurisdictionCode, Long unitId, FindingState state, int offset, int limit) {
                reads.incrementAndGet();
                return findings.stream().filter(f -> f.jurisdictionCode().equals(jurisdictionCode))
                        .filter(f -> unitId == null || f.unitId() == unitId)
                        .filter(f -> access().may(caller, Operation.READ_FOLLOWUP, Target.of(f.jurisdictionCode()))).toList();
            }

            @Override
            public Finding get(Caller caller, long id) {
                reads.incrementAndGet();
                Finding f = findings.stream().filter(x -> x.id() == id).findFirst()
                        .orElseThrow(() -> SupervisionException.notFound("问题 " + id + " 不存在"));
                access().require(caller, Operation.READ_FOLLOWUP, Target.of(f.jurisdictionCode()));
                return f;
            }
        };
    }

    private RectificationService rectification() {
        return new FakeRectificationService() {
            @Override
            public Notice get(Caller caller, long noticeId) {
                reads.incrementAndGet();
                Notice n = notices.stream().filter(x -> x.id() == noticeId).findFirst()
                        .orElseThrow(() -> SupervisionException.notFound("整改通知 " + noticeId + " 不存在"));
                access().require(caller, Operation.READ_FOLLOWUP, new Target(n.jurisdictionCode(), n.unitCode(), true));
                return n;
            }

            @Override
            public List<Notice> list(Caller caller, String jurisdictionCode, Long unitId, NoticeState state) {
                reads.incrementAndGet();
                return notices.stream().filter(n -> n.jurisdictionCode().equals(jurisdictionCode))
                        .filter(n -> unitId == null || n.unitId() == unitId).toList();
            }

            @Override
            public List<UnitRectificationStatus> statusByUnit(Caller caller, String jurisdictionCode, int year) {
                reads.incrementAndGet();
                access().require(caller, Operation.READ_RECTIFICATION_STATUS, jurisdictionCode);
                return status.stream().filter(s -> s.year() == year).toList();
            }
        };
    }

    private UserDirectory users() {
        return new FakeUserDirectory() {
            @Override
            public Optional<UserInfo> user(String username) {
                return "city-admin".equals(username)
                        ? Optional.of(new UserInfo("city-admin", Set.of(Role.CITY_ADMIN), "370500", null, null, "0546-8888888"))
                        : Optional.empty();
            }
        };
    }

    private DocumentService documents() {
        return new FakeDocumentService() {
            @Override
            public StoredDocument generate(Caller caller, DocumentRequest r) {
                access().require(caller, Operation.GENERATE_DOCUMENTS, r.jurisdictionCode());
                for (String field : r.kind().requiredFields()) {
                    if (!field.equals("documentNumber") && !field.equals("issuingOffice") && !r.model().containsKey(field)) {
                        throw SupervisionException.invalid("model", "缺少字段 " + field);
                    }
                }
                generated.add(r);
                return new StoredDocument(generated.size(), r.jurisdictionCode(), r.kind(), r.subject(), 1, r.format(), r.title(), null,
                        r.unitCode(), null, 1, "0", "builtin", "0", false, caller.username(), Instant.EPOCH, null, null);
            }
        };
    }

    static Item item(long id, long noticeId, long findingId, String description, cn.supervision.api.rectification.ItemState state,
                     LocalDate due) {
        return new Item(id, noticeId, findingId, description, state, null, null, due, null, null);
    }

    /** The bundled Noto faces, as in the platform. */
    static final class TestFonts extends NotoChartFonts {
    }
}
