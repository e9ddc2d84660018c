package cn.supervision.api.assessment;

import java.time.Instant;
import java.util.List;

/**
 * The mapped view of a jurisdiction and year: per unit, the routine result mapped to points and the special-campaign
 * items, computed with mapping revision {@code mappingRevision} from the campaigns' result revisions listed.
 * {@code exportId} is the export log's record of this view.
 */
public record AssessmentView(String jurisdictionCode, int year, int mappingRevision, List<CampaignRevision> campaigns,
                             List<UnitAssessment> units, long exportId, Instant generatedAt) {
    public AssessmentView {
        campaigns = List.copyOf(campaigns);
        units = List.copyOf(units);
    }
}
