package cn.supervision.warning.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.GenerationRule;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.Notification;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.platform.Batch;
import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.CampaignFeedResult;
import cn.supervision.api.platform.DataRow;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.Metric;
import cn.supervision.api.platform.MetricBinding;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.platform.SourceMapping;
import cn.supervision.api.platform.StoredRow;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.StaffingInUse;
import cn.supervision.api.registry.StaffingService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;

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
        return (cn.supervision.api.rectification.RectificationService) java.lang.reflect.Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {cn.supervision.api.rectification.RectificationService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        reads.incrementAndGet();
                        return notices.getOrDefault((String) args[1], List.of());
                    }
                    throw unused();
                });
    }

    static cn.supervision.api.rectification.Notice notice(long id, String jurisdiction, long unitId, List<cn.supervision.api.rectification.Item> items) {
        return new cn.supervision.api.rectification.Notice(id, "〔2026〕" + id + "号", jurisdiction, unitId, "U" + unitId, "单位" + unitId,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), null, null, null, items, List.of(), List.of(), "office", Instant.EPOCH);
    }

    static cn.supervision.api.rectification.Item item(long id, long noticeId, cn.supervision.api.rectification.ItemState state) {
        return new cn.supervision.api.rectification.Item(id, noticeId, id, "问题" + id, state, null, null, LocalDate.of(2026, 10, 1),
                state == cn.supervision.api.rectification.ItemState.OVERDUE ? LocalDate.of(2026, 10, 2) : null, null);
    }

    static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not read by the warning rules");
    }

    /** Campaigns with their published results, coverage, inputs and evidence. */
    static final class Campaigns implements CampaignService {
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
        public cn.supervision.api.campaign.InputBatch recordInputs(Caller caller, long campaignId, List<cn.supervision.api.campaign.InputDraft> inputs) {
            throw unused();
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

        @Override public Campaign get(Caller caller, long id) { throw unused(); }
        @Override public Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft) { throw unused(); }
        @Override public Campaign update(Caller caller, long id, CampaignDraft draft) { throw unused(); }
        @Override public Campaign transition(Caller caller, long id, CampaignState to, String reason) { throw unused(); }
        @Override public List<Transition> history(Caller caller, long id) { throw unused(); }
        @Override public Campaign rollover(Caller caller, long id) { throw unused(); }
        @Override public InputRecord recordInput(Caller caller, long campaignId, long unitId, String code, IndicatorInput input,
                                                 InputSource source, String explanation) { throw unused(); }
        @Override public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) { throw unused(); }
        @Override public ResultRevision correct(Caller caller, long campaignId, String reason, List<Correction> corrections) { throw unused(); }
        @Override public InputRecord review(Caller caller, long campaignId, long inputId, boolean accept, String note) { throw unused(); }
        @Override public void checkEvidenceUpload(Caller caller, long campaignId, long inputId) { throw unused(); }
        @Override public Evidence attachEvidence(Caller caller, long campaignId, long inputId, String fileName, byte[] content) { throw unused(); }
        @Override public byte[] evidenceContent(Caller caller, long campaignId, long evidenceId) { throw unused(); }
        @Override public List<cn.supervision.api.campaign.DutyLeaf> dutyLeaves(Caller caller, long campaignId, Long unitId) { throw unused(); }
        @Override public cn.supervision.api.indicator.SystemDefinition systemFor(Caller caller, long campaignId, long unitId) { throw unused(); }
    }

    /** One metric's per-unit values for any window asked (the window is recorded). */
    static class PlatformData implements PlatformDataService {
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

        @Override public List<Metric> metrics(Caller caller, String jurisdictionCode) { throw unused(); }
        @Override public Metric saveMetric(Caller caller, String jurisdictionCode, Metric metric) { throw unused(); }
        @Override public List<SourceMapping> mappings(Caller caller, String jurisdictionCode, String sourceSystem) { throw unused(); }
        @Override public List<SourceMapping> saveMappings(Caller caller, String jurisdictionCode, List<SourceMapping> mappings) { throw unused(); }
        @Override public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                                             List<DataRow> rows) { throw unused(); }
        @Override public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                                             String format, InputStream content) { throw unused(); }
        @Override public List<Batch> batches(Caller caller, String jurisdictionCode, int limit) { throw unused(); }
        @Override public Batch batch(Caller caller, String jurisdictionCode, String clientBatchId) { throw unused(); }
        @Override public List<StoredRow> rows(Caller caller, String jurisdictionCode, String metric, long unitId, LocalDate from, LocalDate to,
                                              int limit) { throw unused(); }
        @Override public CampaignFeedResult applyToCampaign(Caller caller, long campaignId, List<MetricBinding> bindings) { throw unused(); }
        @Override public List<FeedDefinition> feeds(Caller caller) { throw unused(); }
        @Override public FeedRun runFeed(Caller caller, String name) { throw unused(); }
        @Override public List<FeedRun> feedRuns(Caller caller, String name, int limit) { throw unused(); }
    }

    static final class StaffingFigures implements StaffingService {
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

        @Override public List<StaffingInUse> history(Caller caller, long unitId) { throw unused(); }
        @Override public List<StaffingInUse> record(Caller caller, String jurisdictionCode, List<StaffingInUse> figures) { throw unused(); }
    }

    /** Findings: listing by jurisdiction and state, and creation (recorded, so conversion can be checked). */
    static final class Findings implements FindingService {
        final List<Finding> findings = new ArrayList<>();
        final List<Caller> creators = new ArrayList<>();
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

        @Override public Finding get(Caller caller, long id) { throw unused(); }
        @Override public List<FindingDraft> preview(Caller caller, long campaignId, GenerationRule rule) { throw unused(); }
        @Override public List<Finding> generate(Caller caller, long campaignId, GenerationRule rule) { throw unused(); }
        @Override public Finding withdraw(Caller caller, long id, String reason) { throw unused(); }
        @Override public Finding moveTo(Caller caller, long id, FindingState state, Long noticeId, String reason) { throw unused(); }
    }

    /** Records what would be sent: "unit:370523/CZJ category" or "office:370523 category". */
    static final class Outbox implements NotificationService {
        final List<String> sent = new ArrayList<>();

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

        @Override public int toUsers(Collection<String> usernames, Message message) { throw unused(); }
        @Override public List<Notification> inbox(Caller caller, boolean unreadOnly, int offset, int limit) { throw unused(); }
        @Override public long unreadCount(Caller caller) { throw unused(); }
        @Override public Notification markRead(Caller caller, long id) { throw unused(); }
    }
}
