package cn.supervision.api.registry;

import java.time.Instant;
import java.util.List;

/**
 * A main duty as the platform keeps it: the current wording of an ACTIVE duty, or the last wording of a RETIRED one,
 * with the unit revisions that introduced and retired it. {@code unitStatus} tells a duty of a merged or abolished unit
 * (still ACTIVE in that unit's last mandate) from one a living unit holds.
 */
public record DutyRecord(long id, long unitId, String unitCode, String unitName, UnitStatus unitStatus,
                         String jurisdictionCode, int number, String text, DutyType type, DutyStatus status,
                         List<DutyLink> links, int sinceRevision, Integer retiredAtRevision, Instant retiredAt) {

    public DutyRecord {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
