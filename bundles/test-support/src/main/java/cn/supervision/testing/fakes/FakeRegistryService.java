package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;

/**
 * A {@link RegistryService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeRegistryService implements RegistryService {
    @Override
    public Access access() {
        throw unused("access");
    }

    @Override
    public List<Jurisdiction> listJurisdictions(Caller caller) {
        throw unused("listJurisdictions");
    }

    @Override
    public Jurisdiction getJurisdiction(Caller caller, String code) {
        throw unused("getJurisdiction");
    }

    @Override
    public Jurisdiction registerJurisdiction(Caller caller, Jurisdiction jurisdiction) {
        throw unused("registerJurisdiction");
    }

    @Override
    public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
        throw unused("listUnits");
    }

    @Override
    public Unit getUnit(Caller caller, long unitId) {
        throw unused("getUnit");
    }

    @Override
    public Unit createUnit(Caller caller, String jurisdictionCode, UnitDraft draft) {
        throw unused("createUnit");
    }

    @Override
    public Unit updateUnit(Caller caller, long unitId, UnitDraft draft) {
        throw unused("updateUnit");
    }

    @Override
    public Unit changeStatus(Caller caller, long unitId, StatusCommand command) {
        throw unused("changeStatus");
    }

    @Override
    public List<UnitRevision> history(Caller caller, long unitId) {
        throw unused("history");
    }

    @Override
    public ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode) {
        throw unused("importUnits");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("RegistryService." + method + " is not used by this test");
    }
}
