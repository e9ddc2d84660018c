package cn.supervision.contribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;

/**
 * Checks a bundle's power lists before anything of the bundle is written, so that a list the power-list service would
 * refuse does not leave the bundle's units imported and the bundle refused. A list may only be for a unit of the
 * declared jurisdiction — one the bundle itself brings, or one already registered. The rows are checked by the
 * power-list service itself ({@link PowerListService#check}, which writes nothing) against the unit as it will be once
 * the bundle's units are applied (the bundle's description, else the registered one), so every reason the import
 * would give — implementing bodies, field lengths, a unit that is not active — is known first. Without a running
 * service only the rules that need no registry are checked here; such a bundle is not applied until a service runs.
 */
final class PowerListCheck {
    /** The power-list service's own limit per import. */
    static final int MAX_ROWS = 5_000;

    private final String declared;
    private final Caller caller;
    /** The power-list service, or null while none runs. */
    private final PowerListService service;
    /** The bundle's own description of a unit, by code: the list is checked against the unit as the bundle makes it. */
    private final Map<String, UnitDraft> pending = new HashMap<>();
    /** Unit code → the duty numbers of the mandate in force after this bundle (bundle's drafts win over the registry). */
    private final Map<String, Set<Integer>> dutyNumbers = new HashMap<>();

    /**
     * @param drafts the bundle's units of the declared jurisdiction
     * @param registered the declared jurisdiction's registered units
     */
    PowerListCheck(String declared, List<UnitDraft> drafts, List<Unit> registered, Caller caller, PowerListService service) {
        this.declared = declared;
        this.caller = caller;
        this.service = service;
        for (Unit u : registered) {
            if (u.status() == UnitStatus.ACTIVE) {
                dutyNumbers.put(u.code(), numbers(u.mandate() == null ? List.of() : u.mandate().duties()));
            }
        }
        for (UnitDraft d : drafts) {
            if (d != null && d.code() != null) {
                dutyNumbers.put(d.code(), numbers(d.mandate() == null ? List.of() : d.mandate().duties()));
                pending.put(d.code(), d);
            }
        }
    }

    private static Set<Integer> numbers(List<Duty> duties) {
        Set<Integer> out = new HashSet<>();
        duties.forEach(d -> out.add(d.number()));
        return out;
    }

    /** Every reason the list cannot be applied, each naming the file and, for a row, its place in the array. */
    List<String> check(BundleContent.PowerListFile file) {
        List<String> reasons = new ArrayList<>();
        Set<Integer> duties = dutyNumbers.get(file.unitCode());
        if (duties == null) {
            reasons.add(file.path() + "：行政区划 " + declared + " 没有编码为 " + file.unitCode()
                    + " 的存续单位（贡献包只能携带本行政区划单位的权责清单）");
            return reasons;
        }
        if (file.rows().isEmpty()) {
            reasons.add(file.path() + "：权责清单没有事项");
            return reasons;
        }
        if (file.rows().size() > MAX_ROWS) {
            reasons.add(file.path() + "：权责清单有 " + file.rows().size() + " 项，一次最多 " + MAX_ROWS + " 项");
            return reasons;
        }
        if (service != null) {
            return byService(file);
        }
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < file.rows().size(); i++) {
            int row = i + 1;
            String at = file.path() + " 第" + row + "行：";
            BundleContent.PowerListRow r = file.rows().get(i);
            if (r == null) {
                reasons.add(at + "事项为空");
                continue;
            }
            if (blank(r.code())) {
                reasons.add(at + "事项编码不能为空");
            } else {
                Integer before = firstRow.putIfAbsent(r.code().trim(), row);
                if (before != null) {
                    reasons.add(at + "事项编码 " + r.code().trim() + " 与第" + before + "行重复");
                }
            }
            if (blank(r.name())) {
                reasons.add(at + "事项名称不能为空");
            }
            DutyType type = DutyType.fromLabel(r.type());
            if (type == null) {
                reasons.add(at + "事项类型“" + (r.type() == null ? "" : r.type()) + "”不是权责清单的事项类型");
            } else if (!type.powerItemType()) {
                reasons.add(at + "“" + type.label() + "”只用于主要职责，不能作为事项类型");
            }
            if (r.dutyNumber() != null && !duties.contains(r.dutyNumber())) {
                reasons.add(at + "对应职责序号 " + r.dutyNumber() + " 不是单位 " + file.unitCode() + " 三定规定中的主要职责");
            }
        }
        return reasons;
    }

    /** The service's reasons, each naming file and row; its refusal of the unit itself (409, 404, 403) is one more. */
    private List<String> byService(BundleContent.PowerListFile file) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < file.rows().size(); i++) {
            if (file.rows().get(i) == null) {
                reasons.add(file.path() + " 第" + (i + 1) + "行：事项为空");
            }
        }
        if (!reasons.isEmpty()) {
            return reasons;
        }
        try {
            for (FieldError e : service.check(caller, declared, file.unitCode(), pending.get(file.unitCode()), drafts(file))) {
                reasons.add(file.path() + " " + e.field() + "：" + e.message());
            }
        } catch (SupervisionException e) {
            reasons.add(file.path() + "：" + e.getMessage());
            e.errors().forEach(x -> reasons.add(file.path() + " " + x.field() + "：" + x.message()));
        }
        return reasons;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The rows as the service takes them: the sheet row is the item's place in the array, from 1. */
    static List<PowerItemDraft> drafts(BundleContent.PowerListFile file) {
        List<PowerItemDraft> out = new ArrayList<>(file.rows().size());
        for (int i = 0; i < file.rows().size(); i++) {
            BundleContent.PowerListRow r = file.rows().get(i);
            out.add(new PowerItemDraft(i + 1, r.code(), r.name(), r.type(), r.basis(), r.subject(), r.responsibilities(),
                    r.accountability(), r.dutyNumber()));
        }
        return out;
    }
}
