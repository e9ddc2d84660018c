package cn.supervision.api.registry;

/**
 * A link from a duty to another unit's duty of the same jurisdiction that it depends on: {@code role} is this duty's
 * part (LEAD: this unit leads and the other assists). Drafts name the other duty by unit code and duty number, as
 * mandates are written; the registry resolves it and keeps {@code dutyId}, so the link survives renumbering.
 */
public record DutyLink(String unitCode, int dutyNumber, Long dutyId, DutyRole role) {
}
