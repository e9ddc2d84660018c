package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService.Coverage;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.campaign.internal.model.DutyLeafEntity;

/** Where each target unit stands against its own view of the system: what it still owes, how each frozen duty scored. */
final class UnitProgress {
    private final CampaignAccess access;
    private final UnitSystems views;
    private final ResultsBook book;

    UnitProgress(CampaignAccess access, UnitSystems views, ResultsBook book) {
        this.access = access;
        this.views = views;
        this.book = book;
    }

    List<Coverage> coverage(Caller caller, Campaign c) {
        access.registry().access().require(caller, Operation.READ_INPUTS, CampaignAccess.target(c));
        if (c.targetUnitIds() == null) {
            throw SupervisionException.conflict("监管活动尚未开始采集");
        }
        Map<Long, Set<String>> leavesBySystem = new HashMap<>();
        Map<Long, Set<String>> answered = book.answered(c);
        List<Coverage> out = new ArrayList<>();
        for (Unit u : access.registry().listUnits(caller, c.jurisdictionCode(), true)) {
            if (!c.targetUnitIds().contains(u.id())) {
                continue;
            }
            long systemId = c.systems().get(u.kind());
            Set<String> leaves = views.duties(c, u.id()).isEmpty()
                    ? leavesBySystem.computeIfAbsent(systemId, id -> SystemCodes.leafCodes(views.pinned(id), c.categories()))
                    : SystemCodes.leafCodes(views.view(c, u), c.categories());
            Set<String> have = answered.getOrDefault(u.id(), Set.of());
            List<String> missing = leaves.stream().filter(code -> !have.contains(code)).sorted().toList();
            if (!missing.isEmpty()) {
                out.add(new Coverage(u.id(), u.name(), missing));
            }
        }
        return out;
    }

    /** {@code rows}: the result rows the caller may read (the latest revision once published). */
    List<DutyLeaf> dutyLeaves(Caller caller, Campaign c, Long unitId, List<UnitResult> rows) {
        Map<Long, UnitResult> byUnit = new HashMap<>();
        rows.forEach(r -> byUnit.put(r.unitId(), r));
        Map<Long, List<DutyRecord>> frozen = views.duties(c);
        List<DutyLeaf> out = new ArrayList<>();
        for (DutyLeafEntity l : views.leaves(c.id(), unitId)) {
            UnitResult r = byUnit.get(l.getUnitId());
            DutyRecord duty = frozen.getOrDefault(l.getUnitId(), List.of()).stream().filter(d -> d.id() == l.getDutyId())
                    .findFirst().orElse(null);
            if (r == null || duty == null) {
                continue;
            }
            Evaluation.NodeScore n = node(r.evaluation() == null ? List.of() : r.evaluation().indicators(), l.getCode());
            // a leaf nobody gave an input for is not assessed yet: no score rather than the 0 the total counts it as
            BigDecimal score = n == null || n.source() == null ? null : n.score();
            out.add(new DutyLeaf(c.id(), l.getUnitId(), l.getTemplateCode(), l.getCode(), l.getDutyId(), l.getDutyNumber(),
                    duty.text(), duty.type(), plain(l.getSharePercent()), score, n == null ? null : n.max()));
        }
        return out;
    }

    /** The unit, once it is one of the campaign's targets the caller may see; null when none was asked for. */
    Unit target(Caller caller, Campaign c, Long unitId) {
        Unit unit = unitId == null ? null : access.registry().getUnit(caller, unitId);
        if (unit != null && c.targetUnitIds() != null && !c.targetUnitIds().contains(unit.id())) {
            throw SupervisionException.notFound("单位 " + unitId + " 不是本次监管活动的对象");
        }
        return unit;
    }

    /** Refuses a unit whose result row the caller may not read. */
    static void requireRow(Campaign c, Unit unit, List<UnitResult> rows) {
        if (unit != null && rows.stream().noneMatch(r -> r.unitId() == unit.id())) {
            throw Access.denied(Operation.READ_RESULTS, CampaignAccess.target(c, unit));
        }
    }

    SystemDefinition systemFor(Caller caller, Campaign c, long unitId) {
        Unit unit = access.registry().getUnit(caller, unitId); // a unit user: its own unit only
        if (!unit.jurisdictionCode().equals(c.jurisdictionCode())
                || (c.targetUnitIds() != null && !c.targetUnitIds().contains(unitId))) {
            throw SupervisionException.notFound("单位 " + unitId + " 不是本次监管活动的对象");
        }
        SystemDefinition view = views.view(c, unit);
        if (view == null) {
            throw SupervisionException.notFound("本次监管活动没有为" + unit.kind().label() + "指定指标体系");
        }
        return view;
    }

    /** The stored share without the column's trailing zeros, never in exponent notation (100, not 1E+2). */
    private static BigDecimal plain(BigDecimal share) {
        BigDecimal s = share.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Evaluation.NodeScore node(List<Evaluation.NodeScore> nodes, String code) {
        for (Evaluation.NodeScore n : nodes) {
            Evaluation.NodeScore found = n.code().equals(code) ? n : node(n.children(), code);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
