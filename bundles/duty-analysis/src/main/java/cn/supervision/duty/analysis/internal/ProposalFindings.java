package cn.supervision.duty.analysis.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.DutyRef;
import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.followup.SourceKind;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;

/**
 * What a confirmed proposal becomes: one finding (职责交叉或空白) per unit concerned that is still active, for the
 * establishment-proposal flow to take up. For an overlap, both units; for a gap, the unit that dropped the duty if
 * it lives on, the unit a merged one went into, and the unit holding the closest duty. The ledger is asked first: a
 * confirmation that failed half-way and is repeated takes up the findings it already made instead of making them twice.
 */
final class ProposalFindings {
    /** A proposal this close is most likely one duty written twice. */
    static final double SERIOUS_OVERLAP = 0.6;

    private final RegistryService registry;
    private final FindingService findings;

    ProposalFindings(RegistryService registry, FindingService findings) {
        this.registry = registry;
        this.findings = findings;
    }

    /** The ids of the proposal's findings, one per unit concerned, made now or by an earlier attempt. */
    List<Long> record(Caller caller, DutyProposal p, String reason) {
        List<Long> ids = new ArrayList<>();
        for (FindingDraft draft : drafts(caller, p, reason)) {
            Finding made = findings.list(caller, p.jurisdictionCode(), draft.unitId(), null, 0, Integer.MAX_VALUE).stream()
                    .filter(f -> f.source() != null && f.source().kind() == SourceKind.DUTY_ANALYSIS
                            && draft.source().reference().equals(f.source().reference()) && f.state() != FindingState.WITHDRAWN)
                    .findFirst().orElseGet(() -> findings.create(caller, p.jurisdictionCode(), draft));
            ids.add(made.id());
        }
        return ids;
    }

    List<FindingDraft> drafts(Caller caller, DutyProposal p, String reason) {
        Map<Long, Unit> units = registry.listUnits(caller, p.jurisdictionCode(), true).stream()
                .collect(Collectors.toMap(Unit::id, Function.identity()));
        Set<Long> concerned = new LinkedHashSet<>();
        concerned.add(p.first().unitId());
        Unit gone = units.get(p.first().unitId());
        if (p.kind() == ProposalKind.GAP && gone != null && gone.status() == UnitStatus.MERGED) {
            registry.history(caller, gone.id()).stream().map(UnitRevision::successorUnitId)
                    .filter(s -> s != null).reduce((a, b) -> b).ifPresent(concerned::add);
        }
        if (p.second() != null) {
            concerned.add(p.second().unitId());
        }
        Severity severity = p.kind() == ProposalKind.GAP || p.similarity() >= SERIOUS_OVERLAP ? Severity.SERIOUS : Severity.GENERAL;
        FindingSource source = FindingSource.of(SourceKind.DUTY_ANALYSIS, String.valueOf(p.id()));
        List<FindingDraft> drafts = new ArrayList<>();
        for (Long id : concerned) {
            Unit u = units.get(id);
            if (u != null && u.status() == UnitStatus.ACTIVE) {
                drafts.add(new FindingDraft(id, source, FindingCategory.DUTY_OVERLAP_GAP, severity, description(p),
                        "职责交叉空白分析建议 " + p.id() + "，确认理由：" + reason));
            }
        }
        return drafts;
    }

    static String description(DutyProposal p) {
        String similarity = String.format("%.2f", p.similarity());
        String terms = p.sharedTerms().isEmpty() ? "" : "，共同关键词：" + String.join("、", p.sharedTerms());
        String text;
        if (p.kind() == ProposalKind.OVERLAP) {
            text = "职责交叉：" + side(p.first()) + "与" + side(p.second()) + "内容相近（相似度 " + similarity + terms + "）";
        } else {
            text = "职责空白：" + side(p.first()) + "现无单位承担" + (p.second() == null ? "（未找到相近的现行职责）"
                    : "（最接近的是" + side(p.second()) + "，相似度 " + similarity + terms + "）");
        }
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static String side(DutyRef r) {
        String what = r.itemId() != null ? "权责事项 " + r.itemCode() : "第 " + r.dutyNumber() + " 项职责";
        String quoted = r.text() == null ? "" : r.text().length() > 300 ? r.text().substring(0, 299) + "…" : r.text();
        return (r.unitName() == null ? "单位 " + r.unitId() : r.unitName()) + what + "“" + quoted + "”";
    }
}
