package cn.supervision.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;

/**
 * Reads what a document needs from the domain services, as the caller: every read is checked by the service that owns
 * the records (campaign, findings, rectification, registry), so a document never shows what its author may not read.
 * Findings of a campaign are those generated from its results plus the other findings of its target units recorded
 * within its period (inspections, warnings, instructions); withdrawn findings are left out.
 */
public class DataGatherer {
    /** The most findings a document lists (a whole jurisdiction's ledger stays far below it). */
    static final int MAX_FINDINGS = 100_000;

    private final RegistryService registry;
    private final CampaignService campaigns;
    private final FindingService findings;
    private final RectificationService rectification;
    private final UserDirectory users;

    public DataGatherer(RegistryService registry, CampaignService campaigns, FindingService findings,
                        RectificationService rectification, UserDirectory users) {
        this.registry = registry;
        this.campaigns = campaigns;
        this.findings = findings;
        this.rectification = rectification;
        this.users = users;
    }

    /** A campaign's results as the report shows them: the latest revision once published, else the office's computation. */
    public record Results(Campaign campaign, List<UnitResult> rows, int revision, Instant publishedAt) { }

    /** What the campaign report needs. */
    public record CampaignData(Results results, String jurisdictionName, Map<Long, Unit> units, List<Finding> findings,
                               List<UnitRectificationStatus> rectification) { }

    /** What a unit report needs; {@code inputs}: the record that counts per code. */
    public record UnitData(Results results, UnitResult row, Unit unit, Map<String, InputRecord> inputs, List<Finding> findings,
                           List<Notice> notices) { }

    /** What a rectification notice needs. */
    public record NoticeData(Notice notice, Optional<UserInfo> issuer) { }

    public Campaign campaign(Caller caller, long campaignId) {
        return campaigns.get(caller, campaignId);
    }

    /**
     * The results of a published campaign (its latest revision); 409 before publication, also for the campaign's own
     * office while it is being scored: a generated report can be issued to its units, and unpublished scores must not
     * reach them.
     */
    public Results results(Caller caller, Campaign c) {
        if (c.state() == CampaignState.PUBLISHED) {
            List<ResultRevision> revisions = campaigns.revisions(caller, c.id());
            if (revisions.isEmpty()) {
                throw SupervisionException.conflict("监管活动 " + c.id() + " 已发布但没有结果");
            }
            ResultRevision latest = revisions.get(revisions.size() - 1);
            return new Results(c, latest.results(), latest.revision(), revisions.get(0).at());
        }
        throw SupervisionException.conflict("监管活动 " + c.id() + " 处于" + label(c.state()) + "状态，结果尚未发布，不能生成报告");
    }

    public CampaignData campaignData(Caller caller, Campaign c) {
        Results results = results(caller, c);
        String j = c.jurisdictionCode();
        String name = registry.getJurisdiction(caller, j).name();
        Map<Long, Unit> units = new HashMap<>();
        registry.listUnits(caller, j, true).forEach(u -> units.put(u.id(), u));
        Set<Long> targets = new HashSet<>(results.rows().stream().map(UnitResult::unitId).toList());
        List<Finding> found = findings.list(caller, j, null, null, 0, MAX_FINDINGS).stream()
                .filter(f -> targets.contains(f.unitId()) && belongs(f, c)).toList();
        List<UnitRectificationStatus> status = rectification.statusByUnit(caller, j, c.period().year()).stream()
                .filter(s -> targets.contains(s.unitId())).toList();
        return new CampaignData(results, name, units, found, status);
    }

    public UnitData unitData(Caller caller, Campaign c, long unitId) {
        Results results = results(caller, c);
        UnitResult row = results.rows().stream().filter(r -> r.unitId() == unitId).findFirst()
                .orElseThrow(() -> SupervisionException.notFound("单位 " + unitId + " 不是监管活动 " + c.id() + " 的监管对象"));
        Unit unit = registry.getUnit(caller, unitId);
        Map<String, InputRecord> counting = new LinkedHashMap<>();
        for (InputRecord r : campaigns.inputs(caller, c.id(), unitId)) {
            if (r.source() != InputSource.SELF_REPORT || r.review() == ReviewStatus.ACCEPTED) {
                counting.put(r.code(), r);
            }
        }
        List<Finding> found = findings.list(caller, c.jurisdictionCode(), unitId, null, 0, MAX_FINDINGS).stream()
                .filter(f -> belongs(f, c)).toList();
        Set<Long> findingIds = new HashSet<>(found.stream().map(Finding::id).toList());
        LocalDate[] range = range(c.period());
        List<Notice> notices = rectification.list(caller, c.jurisdictionCode(), unitId, null).stream()
                .filter(n -> n.items().stream().anyMatch(i -> findingIds.contains(i.findingId()))
                        || (n.issuedOn() != null && !n.issuedOn().isBefore(range[0]) && n.issuedOn().isBefore(range[1])))
                .sorted(Comparator.comparingLong(Notice::id)).toList();
        return new UnitData(results, row, unit, counting, found, notices);
    }

    public NoticeData notice(Caller caller, long noticeId) {
        Notice n = rectification.get(caller, noticeId);
        Optional<UserInfo> issuer = n.issuedBy() == null || users == null ? Optional.empty() : users.user(n.issuedBy());
        return new NoticeData(n, issuer);
    }

    /** The findings of a criticism notice, in the order given; a withdrawn one is refused. */
    public List<Finding> findings(Caller caller, List<Long> ids) {
        List<Finding> out = new ArrayList<>();
        for (Long id : ids) {
            Finding f = findings.get(caller, id);
            if (f.state() == FindingState.WITHDRAWN) {
                throw SupervisionException.invalid("findingIds", "问题 " + id + " 已撤销，不能通报");
            }
            out.add(f);
        }
        return out;
    }

    public String jurisdictionName(Caller caller, String code) {
        return registry.getJurisdiction(caller, code).name();
    }

    /** A finding of the campaign: generated from its results, or another source's finding recorded within its period. */
    static boolean belongs(Finding f, Campaign c) {
        if (f.state() == FindingState.WITHDRAWN) {
            return false;
        }
        if (f.source() != null && f.source().kind() == SourceKind.CAMPAIGN_RESULT) {
            return f.source().campaignId() != null && f.source().campaignId() == c.id();
        }
        if (f.createdAt() == null) {
            return false;
        }
        LocalDate day = f.createdAt().atZone(Texts.ZONE).toLocalDate();
        LocalDate[] range = range(c.period());
        return !day.isBefore(range[0]) && day.isBefore(range[1]);
    }

    /** [first day, day after the last] of a period. */
    static LocalDate[] range(Period p) {
        return switch (p.type()) {
            case YEAR -> new LocalDate[] {LocalDate.of(p.year(), 1, 1), LocalDate.of(p.year() + 1, 1, 1)};
            case QUARTER -> {
                LocalDate from = LocalDate.of(p.year(), (p.number() - 1) * 3 + 1, 1);
                yield new LocalDate[] {from, from.plusMonths(3)};
            }
            case MONTH -> {
                LocalDate from = LocalDate.of(p.year(), p.number(), 1);
                yield new LocalDate[] {from, from.plusMonths(1)};
            }
        };
    }

    static String label(CampaignState s) {
        return switch (s) {
            case DRAFT -> "草稿";
            case COLLECTING -> "采集中";
            case SCORING -> "评分中";
            case PUBLISHED -> "已发布";
        };
    }
}
