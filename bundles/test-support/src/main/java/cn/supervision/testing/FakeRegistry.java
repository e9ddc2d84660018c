package cn.supervision.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.JurisdictionHierarchy;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;

/**
 * A read-only registry over fixed jurisdictions and units that decides with the platform's real {@link Access}
 * policy, so domain tests of other bundles see exactly the authority the registry would apply. It is also the
 * {@link DutyDirectory} of those units: a duty keeps the id its mandate gives, one without gets
 * {@code unitId * 1000 + number} (deterministic, so tests can name it), links are resolved by unit code and duty number
 * within the unit's jurisdiction. The units never change, so no duty is ever retired and every duty dates from
 * revision 1.
 */
public final class FakeRegistry implements RegistryService, DutyDirectory {
    /** Dongying city and two of its counties. */
    public static final List<Jurisdiction> DONGYING = List.of(
            new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false),
            new Jurisdiction("370522", "利津县", JurisdictionKind.COUNTY, "370500", false),
            new Jurisdiction("370523", "广饶县", JurisdictionKind.COUNTY, "370500", false));

    private final List<Jurisdiction> jurisdictions;
    private final List<Unit> units;
    private final java.util.Map<Long, Unit> unitsById = new java.util.HashMap<>();
    private final Access access;

    public FakeRegistry(List<Jurisdiction> jurisdictions, List<Unit> units) {
        this.jurisdictions = List.copyOf(jurisdictions);
        this.units = List.copyOf(units);
        units.forEach(u -> unitsById.put(u.id(), u));
        this.access = new Access(new JurisdictionHierarchy() {
            @Override
            public boolean exists(String code) {
                return find(code) != null;
            }

            @Override
            public boolean within(String code, String ancestor) {
                for (Jurisdiction j = find(code); j != null; j = find(j.parentCode())) {
                    if (j.code().equals(ancestor)) {
                        return true;
                    }
                }
                return false;
            }
        });
    }

    private Jurisdiction find(String code) {
        return code == null ? null : jurisdictions.stream().filter(j -> j.code().equals(code)).findFirst().orElse(null);
    }

    private static Target targetOf(Unit u) {
        return Target.unit(u.jurisdictionCode(), u.code());
    }

    @Override
    public Access access() {
        return access;
    }

    @Override
    public List<Jurisdiction> listJurisdictions(Caller caller) {
        return jurisdictions.stream().filter(j -> access.may(caller, Operation.READ_REGISTRY, j.code())).toList();
    }

    @Override
    public Jurisdiction getJurisdiction(Caller caller, String code) {
        access.require(caller, Operation.READ_REGISTRY, code);
        return find(code);
    }

    @Override
    public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
        access.require(caller, Operation.READ_REGISTRY, jurisdictionCode);
        return units.stream().filter(u -> u.jurisdictionCode().equals(jurisdictionCode))
                .filter(u -> access.may(caller, Operation.READ_REGISTRY, targetOf(u))).toList();
    }

    @Override
    public Unit getUnit(Caller caller, long unitId) {
        Unit u = unitsById.get(unitId);
        if (u == null) {
            throw SupervisionException.notFound("单位 " + unitId + " 不存在");
        }
        if (!access.may(caller, Operation.READ_REGISTRY, targetOf(u))) {
            throw SupervisionException.forbidden("无权访问单位 " + unitId);
        }
        return u;
    }

    @Override
    public List<UnitRevision> history(Caller caller, long unitId) {
        getUnit(caller, unitId);
        return List.of();
    }

    private static IllegalStateException readOnly() {
        return new IllegalStateException("FakeRegistry is read-only");
    }

    @Override
    public Jurisdiction registerJurisdiction(Caller caller, Jurisdiction jurisdiction) {
        throw readOnly();
    }

    @Override
    public Unit createUnit(Caller caller, String jurisdictionCode, UnitDraft draft) {
        throw readOnly();
    }

    @Override
    public Unit updateUnit(Caller caller, long unitId, UnitDraft draft) {
        throw readOnly();
    }

    @Override
    public Unit changeStatus(Caller caller, long unitId, StatusCommand command) {
        throw readOnly();
    }

    @Override
    public ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode) {
        throw readOnly();
    }

    /** The id this registry gives a duty its mandate left without one. */
    public static long dutyId(long unitId, int number) {
        return unitId * 1000 + number;
    }

    @Override
    public List<DutyRecord> duties(Caller caller, long unitId, boolean includeRetired) {
        return recordsOf(getUnit(caller, unitId));
    }

    @Override
    public List<DutyRecord> dutiesOf(Caller caller, String jurisdictionCode, boolean includeRetired) {
        access.require(caller, Operation.READ_REGISTRY, jurisdictionCode);
        List<Unit> inJurisdiction = units.stream().filter(u -> u.jurisdictionCode().equals(jurisdictionCode))
                .sorted(Comparator.comparingLong(Unit::id)).toList();
        for (Unit u : inJurisdiction) {
            if (!access.may(caller, Operation.READ_REGISTRY, targetOf(u))) {
                throw Access.denied(Operation.READ_REGISTRY, targetOf(u));
            }
        }
        List<DutyRecord> out = new ArrayList<>();
        inJurisdiction.forEach(u -> out.addAll(recordsOf(u)));
        return out;
    }

    @Override
    public DutyRecord duty(Caller caller, long dutyId) {
        for (Unit u : units) {
            for (DutyRecord r : recordsOf(u)) {
                if (r.id() == dutyId) {
                    if (!access.may(caller, Operation.READ_REGISTRY, targetOf(u))) {
                        throw SupervisionException.forbidden("无权访问职责 " + dutyId);
                    }
                    return r;
                }
            }
        }
        throw SupervisionException.notFound("职责 " + dutyId + " 不存在");
    }

    private List<DutyRecord> recordsOf(Unit u) {
        if (u.mandate() == null) {
            return List.of();
        }
        return u.mandate().duties().stream().sorted(Comparator.comparingInt(Duty::number))
                .map(d -> new DutyRecord(idOf(u, d), u.id(), u.code(), u.name(), u.status(), u.jurisdictionCode(),
                        d.number(), d.text(), d.type(), DutyStatus.ACTIVE,
                        d.links().stream().map(l -> resolve(u, l)).toList(), 1, null, null))
                .toList();
    }

    private static long idOf(Unit u, Duty d) {
        return d.id() != null ? d.id() : dutyId(u.id(), d.number());
    }

    private DutyLink resolve(Unit from, DutyLink link) {
        if (link.dutyId() != null) {
            return link;
        }
        return units.stream()
                .filter(u -> u.jurisdictionCode().equals(from.jurisdictionCode()) && u.code().equals(link.unitCode()))
                .filter(u -> u.mandate() != null)
                .flatMap(u -> u.mandate().duties().stream().filter(d -> d.number() == link.dutyNumber())
                        .map(d -> idOf(u, d)))
                .findFirst()
                .map(id -> new DutyLink(link.unitCode(), link.dutyNumber(), id, link.role()))
                .orElse(link);
    }
}
