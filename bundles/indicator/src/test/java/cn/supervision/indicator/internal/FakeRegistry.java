package cn.supervision.indicator.internal;

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
import cn.supervision.api.security.Caller;

/** The registry's jurisdiction rules for a city and two counties; units are not needed by these tests. */
final class FakeRegistry implements RegistryService {
    static final List<Jurisdiction> ALL = List.of(
            new Jurisdiction("370500", "东营市", JurisdictionKind.CITY, null, false),
            new Jurisdiction("370522", "利津县", JurisdictionKind.COUNTY, "370500", false),
            new Jurisdiction("370523", "广饶县", JurisdictionKind.COUNTY, "370500", false));

    private static boolean sees(Caller c, Jurisdiction j) {
        return c.isSystem() || j.code().equals(c.jurisdictionCode()) || c.jurisdictionCode().equals(j.parentCode());
    }

    @Override
    public List<Jurisdiction> listJurisdictions(Caller caller) {
        return ALL.stream().filter(j -> sees(caller, j)).toList();
    }

    @Override
    public Jurisdiction getJurisdiction(Caller caller, String code) {
        Jurisdiction j = ALL.stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> SupervisionException.notFound(code));
        if (!sees(caller, j)) {
            throw SupervisionException.forbidden(code);
        }
        return j;
    }

    @Override
    public Jurisdiction registerJurisdiction(Caller caller, Jurisdiction jurisdiction) {
        throw new IllegalStateException("not used");
    }

    @Override
    public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
        throw new IllegalStateException("not used");
    }

    @Override
    public Unit getUnit(Caller caller, long unitId) {
        throw new IllegalStateException("not used");
    }

    @Override
    public Unit createUnit(Caller caller, String jurisdictionCode, UnitDraft draft) {
        throw new IllegalStateException("not used");
    }

    @Override
    public Unit updateUnit(Caller caller, long unitId, UnitDraft draft) {
        throw new IllegalStateException("not used");
    }

    @Override
    public Unit changeStatus(Caller caller, long unitId, StatusCommand command) {
        throw new IllegalStateException("not used");
    }

    @Override
    public List<UnitRevision> history(Caller caller, long unitId) {
        throw new IllegalStateException("not used");
    }

    @Override
    public ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode) {
        throw new IllegalStateException("not used");
    }
}
