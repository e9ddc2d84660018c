package cn.supervision.api.duty;

import java.time.Instant;

import cn.supervision.api.registry.DutyType;

/**
 * One item of a unit's power and responsibility list. A new import supersedes the whole previous list of the unit
 * (its items stay, SUPERSEDED, with the import that replaced them). {@code dutyId} is the stable id of the main duty
 * the item implements, null when unmapped.
 */
public record PowerItem(long id, long unitId, String unitCode, String jurisdictionCode, String code, String name,
                        DutyType type, String basis, String subject, String responsibilities, String accountability,
                        Long dutyId, Integer dutyNumber, PowerItemStatus status, long importId, Instant importedAt,
                        String importedBy) {
}
