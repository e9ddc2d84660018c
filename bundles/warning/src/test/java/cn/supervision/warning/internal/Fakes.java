package cn.supervision.warning.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.notification.Message;
import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeCampaignService;
import cn.supervision.testing.fakes.FakeFindingService;
import cn.supervision.testing.fakes.FakeNotificationService;
import cn.supervision.testing.fakes.FakePlatformDataService;
import cn.supervision.testing.fakes.FakeRectificationService;
import cn.supervision.testing.fakes.FakeStaffingService;

/**
 * Small typed fakes of the other areas' services, holding exactly the data a test or the benchmark puts in; what the
 * rules never call throws, so a rule that starts reading something new shows up here. Counters record the reads, so
 * tests can hold the rules to their per-jurisdiction query budget.
 */
final class Fakes {
    private Fakes() {
    }

    static Unit unit(long id, String jurisdiction, String code, Staffing staffing) {
        return new Unit(id, code, "单位" + code, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, UnitStatus.ACTIVE,
                new Mandate(List.of(), List.of(), staffing), 1, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static Campaign campaign(long id, String jurisdiction, CampaignState state, Period period, Long rolledFrom,
                             LocalDate collectionDeadline, List<Long> targets) {
        return new Campaign(id, jurisdiction, CampaignKind.ROUTINE, "监管" + id, null, period, Map.of(), CampaignKind.ROUTINE.defaultCategories(),
                collectionDeadline, null, targets, List.of(), state, rolledFrom, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static UnitResult result(long unitId, String total, String duty, String corroboration, boolean vetoed) {
        Evaluation e = new Evaluation(new BigDecimal(total), null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, vetoed, vetoed,
                List.of(), List.of(), vetoed ? List.of(new Evaluation.AdjustmentScore("V1", "发生重大责任事故",
                cn.supervision.api.indicator.AdjustmentKind.VETO, BigDecimal.ZERO, true, "", List.of())) : List.of(), List.of());
        return new UnitResult(unitId, "单位" + unitId, "GOVERNMENT_DEPARTMENT", 1, new BigDecimal(total), "良好",
                duty == null ? null : new BigDecimal(duty), corroboration == null ? null : new BigDecimal(corroboration),
                BigDecimal.ZERO, false, 1, 1, 0, List.of(), e);
    }

    /**
     * Rectification notices by jurisdiction: {@code list} answers them (one listing per jurisdiction, counted), every
     * other method of the interface is not read by the rules and throws.
     */
    static cn.supervision.api.rectification.RectificationService rectifications(Map<String, List<cn.supervision.api.rectification.Notice>> notices,
                                                                              AtomicLong reads) {
        return new FakeRectificationService() {
            @Override
            public List<cn.supervision.api.rectification.Notice> list(Caller caller, String jurisdictionCode, Long unitId,
                                                                      cn.supervision.api.rectification.NoticeState state) {
                reads.incrementAndGet();
                return notices.getOrDefault(jurisdictionCode, List.of());
            }
        };
    }

    static cn.supervision.api.rectification.Notice notice(long id, String jurisdiction, long unitId, List<cn.supervision.api.rectification.Item> items) {
        return new cn.supervision.api.rectification.Notice(id, "〔2026〕" + id + "号", jurisdiction, unitId, "U" + unitId, "单位" + unitId,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), null, null, null, items, List.of(), List.of(), "office", Instant.EPOCH);
    }

    static cn.supervision.api.rectification.Item item(long id, long noticeId, cn.supervision.api.rectification.ItemState state) {
        return new cn.supervision.api.rectification.Item(id, noticeId, id, "问题" + id, state, null, null, LocalDate.of(2026, 10, 1),
                state == cn.supervision.api.rectification.ItemState.OVERDUE ? LocalDate.of(2026, 10, 2) : null, null);
    }

    /** Campaigns with their published results, coverage, inputs and evidence. */
    static final class Campaigns extends FakeCampaignService {
        final Map<Long, Campaign> campaigns = new HashMap<>();
        final Map<Long, List<UnitResult>> results = new HashMap<>();
        final Map<Long, List<Coverage>> coverage = new HashMap<>();
        final Map<String, List<InputRecord>> inputs = new HashMap<>();
        final Map<Long, List<Evidence>> evidence = new HashMap<>();
        final AtomicLong reads = new AtomicLong();

        void add(Campaign c, List<UnitResult> published) {
            campaigns.put(c.id(), c);
            if (published != null) {
                results.put(c.id(), published);
            }
        }

        void selfReport(long inputId, long campaignId, long unitId, String code, boolean withEvidence) {
            inputs.computeIfAbsent(campaignId + "/" + unitId, k -> new ArrayList<>()).add(new InputRecord(inputId, campaignId, unitId, code,
                    null, InputSource.SELF_REPORT, null, "unit", Instant.EPOCH, ReviewStatus.SUBMITTED, null, null));
            evidence.put(inputId, withEvidence ? List.of(new Evidence(inputId * 10, inputId, "a.pdf", "application/pdf", 1, "x", "unit",
                    Instant.EPOCH)) : List.of());
        }

        @Override
        public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
            reads.incrementAndGet();
            return campaigns.values().stream().filter(c -> c.jurisdictionCode().equals(jurisdictionCode))
                    .filter(c -> state == null || c.state() == state).sorted(java.util.Comparator.comparingLong(Campaign::id)).toList();
        }

        @Override
        public List<ResultRevision> revisions(Caller caller, long campaignId) {
            reads.incrementAndGet();
            List<UnitResult> r = results.get(campaignId);
            return r == null ? List.of() : List.of(new ResultRevision(campaignId, 1, "发布", "office", Instant.EPOCH, r));
        }

        @Override
        public List<Coverage> coverage(Caller caller, long campaignId) {
            reads.incrementAndGet();
            return coverage.getOrDefault(campaignId, List.of());
        }

        @Override
        public List<InputRecord> inputs(Caller caller, long campaignId, long unitId) {
            reads.incrementAndGet();
            return inputs.getOrDefault(campaignId + "/" + unitId, List.of());
        }

        @Override
        public List<Evidence> evidence(Caller caller, long campaignId, long inputId) {
            reads.incrementAndGet();
            return evidence.getOrDefault(inputId, List.of());
        }
    }

    /** One metric's per-unit values for any window asked (the window is recorded). */
    static class PlatformData extends FakePlatformDataService {
        final Map<String, Map<String, List<Aggregate>>> byJurisdictionAndMetric = new HashMap<>();
        final List<LocalDate[]> windows = new ArrayList<>();
        final AtomicLong reads = new AtomicLong();

        void put(String jurisdiction, String metric, long unitId, String value) {
            byJurisdictionAndMetric.computeIfAbsent(jurisdiction, k -> new HashMap<>()).computeIfAbsent(metric, k -> new ArrayList<>())
                    .add(new Aggregate(metric, unitId, new BigDecimal(value), 30, List.of(1L)));
        }

        @Override
        public List<Aggregate> aggregate(Caller caller, String jurisdictionCode, String metric, LocalDate from, LocalDate to) {
            reads.incrementAndGet();
            windows.add(new LocalDate[] {from, to});
            List<Aggregate> a = byJurisdictionAndMetric.getOrDefault(jurisdictionCode, Map.of()).get(metric);
            if (a == null) {
                throw SupervisionException.notFound("行政区划 " + jurisdictionCode + " 没有指标 " + metric);
            }
            return a;
        }
    }

    static final class StaffingFigures extends FakeStaffingService {
        final Map<String, List<StaffingInUse>> current = new HashMap<>();
        final AtomicLong reads = new AtomicLong();

        void put(String jurisdiction, long unitId, LocalDate asOf, int administrative, int institutional, int leadership) {
            current.computeIfAbsent(jurisdiction, k -> new ArrayList<>())
                    .add(new StaffingInUse(unitId, asOf, administrative, institutional, 0, leadership, "office", Instant.EPOCH));
        }

        @Override
        public List<StaffingInUse> current(Caller caller, String jurisdictionCode) {
            reads.incrementAndGet();
            return current.getOrDefault(jurisdictionCode, List.of());
        }
    }

    /** Findings: listing by jurisdiction and state, and creation (recorded, so conversion can be checked). */
    static final class Findings extends FakeFindingService {
        // synchronized: two nodes' services share these fakes in the tests of two nodes at once
        final List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Caller> creators = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong reads = new AtomicLong();
        boolean refuse;

        @Override
        public List<Finding> list(Caller caller, String jurisdictionCode, Long unitId, FindingState state, int offset, int limit) {
            reads.incrementAndGet();
            return findings.stream().filter(f -> f.jurisdictionCode().equals(jurisdictionCode))
                    .filter(f -> state == null || f.state() == state).skip(offset).limit(limit).toList();
        }

        @Override
        public Finding create(Caller caller, String jurisdictionCode, FindingDraft d) {
            if (refuse) {
                throw SupervisionException.forbidden("无权管理问题清单");
            }
            creators.add(caller);
            Finding f = new Finding(1000 + findings.size(), jurisdictionCode, d.unitId(), "单位" + d.unitId(), d.source(), d.category(),
                    d.severity(), d.description(), d.evidence(), FindingState.OPEN, null, Instant.EPOCH, caller.username(), Instant.EPOCH,
                    caller.username());
            findings.add(f);
            return f;
        }
    }

    /** Records what would be sent: "unit:370523/CZJ category" or "office:370523 category". */
    static final class Outbox extends FakeNotificationService {
        final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public int toUnit(String jurisdictionCode, String unitCode, Message message) {
            sent.add("unit:" + jurisdictionCode + "/" + unitCode + " " + message.category());
            return 1;
        }

        @Override
        public int toOffice(String jurisdictionCode, Message message) {
            sent.add("office:" + jurisdictionCode + " " + message.category());
            return 1;
        }
    }
}
