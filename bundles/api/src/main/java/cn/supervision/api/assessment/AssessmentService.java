package cn.supervision.api.assessment;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * The comprehensive assessment (综合考核, measures art. 18): published supervision results mapped onto the assessment's
 * indicator per jurisdiction and year. Reading needs READ_RESULTS on the jurisdiction's published results (so a partner
 * system reads its scope); configuring mappings and deciding items needs MANAGE_ASSESSMENT.
 */
public interface AssessmentService {

    /** The grades results are given (highest first): a GRADE mapping maps every one of them. */
    List<String> grades();

    /** The mapping in force (the latest revision); 404 when none has been configured. */
    Mapping mapping(Caller caller, String jurisdictionCode, int year);

    /** One stored revision (404 when it does not exist). */
    Mapping mapping(Caller caller, String jurisdictionCode, int year, int revision);

    /** Every revision, oldest first. */
    List<Mapping> mappingRevisions(Caller caller, String jurisdictionCode, int year);

    /**
     * Validates the whole draft (400 naming the field) and stores it as the next revision; a draft equal to the mapping
     * in force changes nothing and returns it.
     */
    Mapping saveMapping(Caller caller, String jurisdictionCode, int year, MappingDraft draft);

    /**
     * Computes the mapped view from the PUBLISHED campaigns of the jurisdiction and year (each at its latest result
     * revision) with the mapping in force, brings the special-campaign items up to date, and records the export
     * (409 when no mapping is configured).
     */
    AssessmentView export(Caller caller, String jurisdictionCode, int year, ExportFormat format);

    /** The items of the jurisdiction and year in force (brought up to date like an export, but not recorded as one). */
    List<AssessmentItem> items(Caller caller, String jurisdictionCode, int year);

    /** The office confirms a proposed (or dropped) item: it then counts. */
    AssessmentItem confirm(Caller caller, long itemId, String note);

    /** The office drops a proposed (or confirmed) item, with a reason. */
    AssessmentItem drop(Caller caller, long itemId, String note);

    /** The export log (newest first) of the jurisdictions whose assessment the caller manages; filters when not null. */
    List<ExportRecord> exports(Caller caller, String jurisdictionCode, Integer year);
}
