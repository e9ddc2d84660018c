package cn.supervision.proposal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.proposal.ProposalChange;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitStatus;

/**
 * The registry writes a proposal amounts to: its changes folded, in order, over the units as they are now, one new
 * draft per touched unit. Every change is checked against that state first, so a proposal that cannot be applied
 * whole is refused before anything is written.
 */
final class RegistryPlan {
    private RegistryPlan() {
    }

    /** Unit id to its new draft, in the order units are first touched; 400 naming every change that does not fit. */
    static Map<Long, UnitDraft> of(List<ProposalChange> changes, Map<Long, Unit> units, String jurisdictionCode) {
        Map<Long, Mandate> mandates = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            ProposalChange c = changes.get(i);
            String p = "changes[" + i + "]";
            Unit unit = units.get(c.unitId());
            if (!usable(unit, jurisdictionCode)) {
                errors.add(new FieldError(p + ".unitId", "单位 " + c.unitId() + " 不是本行政区划的存续单位"));
                continue;
            }
            Unit other = c.otherUnitId() == null ? null : units.get(c.otherUnitId());
            if (c.otherUnitId() != null && !usable(other, jurisdictionCode)) {
                errors.add(new FieldError(p + ".otherUnitId", "单位 " + c.otherUnitId() + " 不是本行政区划的存续单位"));
                continue;
            }
            Mandate m = mandates.getOrDefault(unit.id(), unit.mandate());
            switch (c.kind()) {
                case MOVE_DUTY -> {
                    Duty duty = duty(m, c.dutyNumber());
                    if (duty == null) {
                        errors.add(new FieldError(p + ".dutyNumber", unit.name() + "没有第 " + c.dutyNumber() + " 项职责"));
                        continue;
                    }
                    List<Duty> left = new ArrayList<>(m.duties());
                    left.remove(duty);
                    mandates.put(unit.id(), new Mandate(left, m.internalBodies(), m.staffing()));
                    Mandate o = mandates.getOrDefault(other.id(), other.mandate());
                    List<Duty> taken = new ArrayList<>(o.duties());
                    int next = taken.stream().mapToInt(Duty::number).max().orElse(0) + 1;
                    // the receiving unit holds it as a duty of its own (new id); its type goes along, its links stay with the old holder
                    taken.add(new Duty(null, next, c.text() == null || c.text().isBlank() ? duty.text() : c.text().trim(),
                            duty.type(), List.of()));
                    mandates.put(other.id(), new Mandate(taken, o.internalBodies(), o.staffing()));
                }
                case CLARIFY_DUTY -> {
                    Duty duty = duty(m, c.dutyNumber());
                    if (duty == null) {
                        errors.add(new FieldError(p + ".dutyNumber", unit.name() + "没有第 " + c.dutyNumber() + " 项职责"));
                        continue;
                    }
                    List<Duty> duties = new ArrayList<>(m.duties());
                    duties.set(duties.indexOf(duty), new Duty(duty.id(), duty.number(), c.text().trim(), duty.type(), duty.links()));
                    mandates.put(unit.id(), new Mandate(duties, m.internalBodies(), m.staffing()));
                }
                case ADD_INTERNAL_BODY -> {
                    String body = c.internalBody().trim();
                    if (m.internalBodies().contains(body)) {
                        errors.add(new FieldError(p + ".internalBody", unit.name() + "已有内设机构“" + body + "”"));
                        continue;
                    }
                    List<String> bodies = new ArrayList<>(m.internalBodies());
                    bodies.add(body);
                    mandates.put(unit.id(), new Mandate(m.duties(), bodies, m.staffing()));
                }
                case REMOVE_INTERNAL_BODY -> {
                    String body = c.internalBody().trim();
                    if (!m.internalBodies().contains(body)) {
                        errors.add(new FieldError(p + ".internalBody", unit.name() + "没有内设机构“" + body + "”"));
                        continue;
                    }
                    List<String> bodies = new ArrayList<>(m.internalBodies());
                    bodies.remove(body);
                    mandates.put(unit.id(), new Mandate(m.duties(), bodies, m.staffing()));
                }
                case SET_STAFFING -> mandates.put(unit.id(), new Mandate(m.duties(), m.internalBodies(), c.staffing()));
                case INTAKE_PLAN -> {
                    // recorded with the approved decision; the registry has no intake model to write to
                }
                default -> throw new IllegalStateException("unhandled change kind " + c.kind());
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("处理意见有 " + errors.size() + " 项调整与单位现状不符，未作任何调整", errors);
        }
        Map<Long, UnitDraft> drafts = new LinkedHashMap<>();
        mandates.forEach((id, m) -> {
            Unit u = units.get(id);
            if (!m.equals(u.mandate())) {
                drafts.put(id, new UnitDraft(u.code(), u.name(), u.shortName(), u.kind(), u.parentUnitId(), null, m));
            }
        });
        return drafts;
    }

    private static boolean usable(Unit u, String jurisdictionCode) {
        return u != null && u.jurisdictionCode().equals(jurisdictionCode) && u.status() == UnitStatus.ACTIVE;
    }

    private static Duty duty(Mandate m, Integer number) {
        return m.duties().stream().filter(d -> number != null && d.number() == number).findFirst().orElse(null);
    }
}
