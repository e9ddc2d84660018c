package cn.supervision.api.assessment;

import java.time.Instant;
import java.util.List;

/** One export of a mapped view: who, when, what, in which format, from which revisions. */
public record ExportRecord(long id, String jurisdictionCode, int year, ExportFormat format, String by, Instant at,
                           int mappingRevision, List<CampaignRevision> campaigns, int units) {
    public ExportRecord {
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    }
}
