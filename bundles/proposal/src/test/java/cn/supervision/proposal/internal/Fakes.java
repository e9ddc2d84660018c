package cn.supervision.proposal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitChange;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.fakes.FakeFindingService;

/** Small typed fakes of the services a proposal uses: a registry that records updates, a findings ledger. */
final class Fakes {
    private Fakes() {
    }

    /** FakeRegistry's jurisdictions and policy, with units that can be updated and keep their revisions. */
    static final class Registry implements RegistryService {
        final Map<Long, Unit> units = new LinkedHashMap<>();
        final List<UnitRevision> revisions = new ArrayList<>();
        private final FakeRegistry fixed;

        Registry(List<Unit> units) {
            units.forEach(u -> this.units.put(u.id(), u));
            this.fixed = new FakeRegistry(FakeRegistry.DONGYING, units);
        }

        @Override
        public Access access() {
            return fixed.access();
        }

        @Override
        public List<Jurisdiction> listJurisdictions(Caller caller) {
            return fixed.listJurisdictions(caller);
        }

        @Override
        public Jurisdiction getJurisdiction(Caller caller, String code) {
            return fixed.getJurisdiction(caller, code);
        }

        @Override
        public Jurisdiction registerJurisdiction(Caller caller, Jurisdiction jurisdiction) {
            return fixed.registerJurisdiction(caller, jurisdiction);
        }

        @Override
        public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
            access().require(caller, Operation.READ_REGISTRY, jurisdictionCode);
            return units.values().stream().filter(u -> u.jurisdictionCode().equals(jurisdictionCode))
                    .filter(u -> access().may(caller, Operation.READ_REGISTRY, Target.unit(u.jurisdictionCode(), u.code())))
                    .toList();
        }

        @Override
        public Unit getUnit(Caller caller, long unitId) {
            Unit u = units.get(unitId);
            if (u == null) {
                throw SupervisionException.notFound("单位 " + unitId + " 不存在");
            }
            access().require(caller, Operation.READ_REGISTRY, Target.unit(u.jurisdictionCode(), u.code()));
            return u;
        }

        @Override
        public Unit createUnit(Caller caller, String jurisdictionCode, UnitDraft draft) {
            return fixed.createUnit(caller, jurisdictionCode, draft);
        }

        @Override
        public Unit updateUnit(Caller caller, long unitId, UnitDraft draft) {
            return updateUnit(caller, unitId, draft, null);
        }

        @Override
        public Unit updateUnit(Caller caller, long unitId, UnitDraft d, String reason) {
            Unit u = getUnit(caller, unitId);
            access().require(caller, Operation.ADMINISTER_REGISTRY, u.jurisdictionCode());
            Unit changed = new Unit(u.id(), d.code(), d.name(), d.shortName(), d.kind(), u.jurisdictionCode(), d.parentUnitId(),
                    u.status(), d.mandate(), u.revision() + 1, u.createdAt(), u.createdBy(), Instant.EPOCH, caller.username());
            units.put(unitId, changed);
            revisions.add(new UnitRevision(changed.revision(), UnitChange.UPDATED, changed.status(), reason, null,
                    caller.username(), Instant.EPOCH, changed));
            return changed;
        }

        @Override
        public Unit changeStatus(Caller caller, long unitId, StatusCommand command) {
            return fixed.changeStatus(caller, unitId, command);
        }

        @Override
        public List<UnitRevision> history(Caller caller, long unitId) {
            getUnit(caller, unitId);
            return revisions.stream().filter(r -> r.snapshot().id() == unitId).toList();
        }

        @Override
        public ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode) {
            return fixed.importUnits(caller, jurisdictionCode, drafts, mode);
        }
    }

    /** Findings by id, read with the policy the findings ledger applies to an office. */
    static final class Findings extends FakeFindingService {
        final Map<Long, Finding> byId = new LinkedHashMap<>();
        private final Access access;

        Findings(Access access, List<Finding> findings) {
            this.access = access;
            findings.forEach(f -> byId.put(f.id(), f));
        }

        @Override
        public Finding get(Caller caller, long id) {
            Finding f = byId.get(id);
            if (f == null) {
                throw SupervisionException.notFound("问题 " + id + " 不存在");
            }
            access.require(caller, Operation.READ_FOLLOWUP, f.jurisdictionCode());
            return f;
        }

        @Override
        public List<Finding> list(Caller caller, String jurisdictionCode, Long unitId, FindingState state, int offset, int limit) {
            return byId.values().stream().filter(f -> f.jurisdictionCode().equals(jurisdictionCode)).toList();
        }
    }
}
