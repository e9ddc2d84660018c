package cn.supervision.testing;

import java.util.List;

import cn.supervision.api.problem.SupervisionException;
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
 * policy, so domain tests of other bundles see exactly the authority the registry would apply.
 */
public final class FakeRegistry implements RegistryService {
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
}
