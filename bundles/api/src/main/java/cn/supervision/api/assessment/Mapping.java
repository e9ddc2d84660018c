package cn.supervision.api.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One revision of a jurisdiction's mapping for one assessment year (see {@link MappingDraft} for the fields). Every
 * change is a new revision; earlier revisions are kept and every export names the revision it used.
 */
public record Mapping(String jurisdictionCode, int year, int revision, MappingMethod method, BigDecimal scaleMax, BigDecimal floor,
                      int decimals, RoundingMode rounding, Map<String, BigDecimal> gradePoints, Long routineCampaignId,
                      List<SpecialRule> specialRules, String note, String createdBy, Instant createdAt) {
    public Mapping {
        gradePoints = gradePoints == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gradePoints));
        specialRules = specialRules == null ? List.of() : List.copyOf(specialRules);
    }
}
