package cn.supervision.api.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * What the office issues: one unit, its findings (each becomes an item), the deadline (null: the configured default
 * from today) and the evidence it requires.
 */
public record NoticeDraft(String jurisdictionCode, Long unitId, List<Long> findingIds, LocalDate deadline, String requiredEvidence) {
}
