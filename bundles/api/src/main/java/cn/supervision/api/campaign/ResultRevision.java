package cn.supervision.api.campaign;

import java.time.Instant;
import java.util.List;

/** Published results are immutable: publication is revision 1, every correction a new revision with its reason. */
public record ResultRevision(long campaignId, int revision, String reason, String by, Instant at, List<UnitResult> results) {
}
