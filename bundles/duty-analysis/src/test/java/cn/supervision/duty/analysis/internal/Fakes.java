package cn.supervision.duty.analysis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemStatus;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.fakes.FakeDutyDirectory;
import cn.supervision.testing.fakes.FakeFindingService;
import cn.supervision.testing.fakes.FakePowerListService;

/** The collaborators of the duty analysis, deciding authority with the real policy of {@link FakeRegistry}. */
final class Fakes {
    private Fakes() {
    }

    /** The registry's duties plus retired ones the units' mandates no longer show. */
    static final class Duties extends FakeDutyDirectory {
        private final FakeRegistry registry;
        private final List<DutyRecord> retired = new ArrayList<>();

        Duties(FakeRegistry registry) {
            this.registry = registry;
        }

        void retire(Unit u, long id, int number, String text) {
            retired.add(new DutyRecord(id, u.id(), u.code(), u.name(), u.status(), u.jurisdictionCode(), number, text, null,
                    DutyStatus.RETIRED, List.of(), 1, 2, Instant.EPOCH));
        }

        @Override
        public List<DutyRecord> dutiesOf(Caller caller, String jurisdictionCode, boolean includeRetired) {
            List<DutyRecord> all = new ArrayList<>(registry.dutiesOf(caller, jurisdictionCode, includeRetired));
            if (includeRetired) {
                retired.stream().filter(r -> r.jurisdictionCode().equals(jurisdictionCode)).forEach(all::add);
            }
            return all;
        }
    }

    static final class PowerLists extends FakePowerListService {
        private final FakeRegistry registry;
        final List<PowerItem> items = new ArrayList<>();

        PowerLists(FakeRegistry registry) {
            this.registry = registry;
        }

        void add(Unit u, long id, String code, String name, Long dutyId) {
            items.add(new PowerItem(id, u.id(), u.code(), u.jurisdictionCode(), code, name, null, null, null, null, null, dutyId,
                    null, PowerItemStatus.CURRENT, 1, Instant.EPOCH, "seed"));
        }

        @Override
        public List<PowerItem> itemsOf(Caller caller, String jurisdictionCode) {
            registry.access().require(caller, Operation.READ_REGISTRY, jurisdictionCode);
            return items.stream().filter(i -> i.jurisdictionCode().equals(jurisdictionCode)).toList();
        }
    }

    /** Records what is created; refuses like the ledger does when the caller may not manage findings. */
    static final class Findings extends FakeFindingService {
        private final FakeRegistry registry;
        final List<Finding> created = new ArrayList<>();
        RuntimeException failNext;
        /** Creates allowed before {@link #failNext} strikes. */
        int failAfter;
        /** Runs after each finding is made, e.g. to break the database before the proposal is confirmed. */
        Runnable afterCreate = () -> { };

        Findings(FakeRegistry registry) {
            this.registry = registry;
        }

        @Override
        public Finding create(Caller caller, String jurisdictionCode, FindingDraft d) {
            registry.access().require(caller, Operation.MANAGE_FOLLOWUP, jurisdictionCode);
            if (failNext != null && failAfter-- <= 0) {
                RuntimeException e = failNext;
                failNext = null;
                throw e;
            }
            Unit u = registry.getUnit(caller, d.unitId());
            Finding f = new Finding(100 + created.size(), jurisdictionCode, d.unitId(), u.name(), d.source(), d.category(),
                    d.severity(), d.description(), d.evidence(), FindingState.OPEN, null, Instant.EPOCH, caller.username(),
                    Instant.EPOCH, caller.username());
            created.add(f);
            afterCreate.run();
            return f;
        }

        @Override
        public List<Finding> list(Caller caller, String jurisdictionCode, Long unitId, FindingState state, int offset, int limit) {
            registry.access().require(caller, Operation.READ_FOLLOWUP, jurisdictionCode);
            return created.stream().filter(f -> f.jurisdictionCode().equals(jurisdictionCode))
                    .filter(f -> unitId == null || f.unitId() == unitId).filter(f -> state == null || f.state() == state)
                    .skip(offset).limit(limit).toList();
        }
    }
}
