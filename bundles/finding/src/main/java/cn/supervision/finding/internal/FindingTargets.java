package cn.supervision.finding.internal;

import java.util.HashMap;
import java.util.Map;

import cn.supervision.api.followup.FindingState;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Target;
import cn.supervision.finding.internal.model.FindingEntity;

/**
 * What the authority policy is told about a finding: its jurisdiction, its unit's current code (a unit may change
 * its code; the finding keeps the unit's id) and whether it is notified. Notified means a rectification notice took it
 * up (it has a notice, or is IN_RECTIFICATION or RECTIFIED): only then does the unit learn of it and a superior office
 * read it (Access READ_FOLLOWUP with published = notified). OPEN and WITHDRAWN findings stay within their own office.
 * One instance per request: unit codes are read once per jurisdiction.
 */
final class FindingTargets {
    private static final Caller LOOKUP = Caller.system("findings");

    private final RegistryService registry;
    private final Map<String, Map<Long, String>> codes = new HashMap<>();

    FindingTargets(RegistryService registry) {
        this.registry = registry;
    }

    static boolean notified(FindingState state, Long noticeId) {
        return noticeId != null || state == FindingState.IN_RECTIFICATION || state == FindingState.RECTIFIED;
    }

    Target of(FindingEntity f) {
        return of(f.getJurisdictionCode(), f.getUnitId(), notified(f.getState(), f.getNoticeId()));
    }

    Target of(String jurisdictionCode, long unitId, boolean notified) {
        String code = codes.computeIfAbsent(jurisdictionCode, j -> {
            Map<Long, String> byId = new HashMap<>();
            for (Unit u : registry.listUnits(LOOKUP, j, true)) {
                byId.put(u.id(), u.code());
            }
            return byId;
        }).get(unitId);
        return new Target(jurisdictionCode, code, notified);
    }
}
