package cn.supervision.api.assessment;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * The comprehensive assessment (综合考核, measures art. 18): published supervision results mapped onto the assessment's
 * indicator per jurisdiction and year. Reading needs READ_RESULTS on the jurisdiction's published results (so a partner
 * system reads its scope); configuring mappings and deciding items needs MANAGE_ASSESSMENT.
 */
@ProviderType
public interface AssessmentService {

    /** The grades results are given (highest first): a GRADE mapping maps every one of them. */
    List<String> grades();

    /** The mapping in force (the latest revision); not found when none has been configured. */
    Mapping mapping(Caller caller, String jurisdictionCode, int year);

    /** One stored revision (not found when it does not exist). */
    Mapping mapping(Caller caller, String jurisdictionCode, int year, int revision);

    /** Every revision, oldest first. */
    List<Mapping> mappingRevisions(Caller caller, String jurisdictionCode, int year);

    /**
     * Validates the whole draft (refused as invalid, naming the field) and stores it as the next revision; a draft
     * equal to the mapping in force changes nothing and returns it.
     */
    Mapping saveMapping(Caller caller, String jurisdictionCode, int year, MappingDraft draft);

    /**
     * Computes the mapped view from the PUBLISHED campaigns of the jurisdiction and year (each at its latest result
     * revision) with the mapping in force and the special-campaign items, and records the export, whoever exports
     * (conflict when no mapping is configured). Only the jurisdiction's own office (MANAGE_ASSESSMENT) has the items
     * brought up to date in storage by its reads; for any other reader nothing but the export record is written, and an
     * item derived but not stored (yet) is shown PROPOSED with id 0.
     */
    AssessmentView export(Caller caller, String jurisdictionCode, int year, ExportFormat format);

    /**
     * The items of the jurisdiction and year in force, computed like an export but not recorded as one (stored up to
     * date only when the caller is the jurisdiction's own office; id 0 marks a derived item not stored yet).
     */
    List<AssessmentItem> items(Caller caller, String jurisdictionCode, int year);

    /**
     * The office confirms a proposed (or dropped) item: it then counts. The jurisdiction's items are brought up to date
     * first, so an item made stale by a corrected result or mapping is refused (conflict) and its successor is stored.
     */
    AssessmentItem confirm(Caller caller, long itemId, String note);

    /** The office drops a proposed (or confirmed) item, with a reason. */
    AssessmentItem drop(Caller caller, long itemId, String note);

    /**
     * The export log (newest first) of the jurisdictions whose assessment the caller manages; filters when not null.
     */
    List<ExportRecord> exports(Caller caller, String jurisdictionCode, Integer year);
}
