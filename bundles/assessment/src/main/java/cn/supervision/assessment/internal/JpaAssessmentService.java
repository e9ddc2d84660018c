package cn.supervision.assessment.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.AssessmentService;
import cn.supervision.api.assessment.AssessmentView;
import cn.supervision.api.assessment.ExportFormat;
import cn.supervision.api.assessment.ExportRecord;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingDraft;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;

/**
 * The comprehensive-assessment facade on OpenJPA: mapping revisions ({@link Mappings}, checked by {@link MappingRules}),
 * the arithmetic ({@link Points}, {@link RoutineLines}), special-campaign items ({@link ItemRules}) and the export log
 * ({@link ExportLog}). Authority is the registry's {@link cn.supervision.api.security.Access} ({@link AssessmentAccess}):
 * READ_RESULTS on the jurisdiction's published results to read, MANAGE_ASSESSMENT to configure and decide. Published
 * campaigns are read as the platform once the caller may read them ({@link CampaignResults}), so that items are derived
 * from every unit's result whoever asks; what a caller sees is then filtered unit by unit.
 * <p>
 * Reading never changes the items of someone else's assessment: the view ({@link AssessmentExport}) and the item list
 * ({@link ItemListing}) merge the items the mapping derives now with the stored decisions, and only the jurisdiction's
 * own office (MANAGE_ASSESSMENT) stores that reconciliation ({@link Reconciliation}) on its own reads and before its
 * decisions ({@link ItemDecisions}). An item derived but not yet stored is shown PROPOSED with id 0 (no stored item); a
 * stored item derived differently now is shown as the new PROPOSED one until the office reconciles. The export log is
 * written for every export, whoever exports (an audit record, not a change of the assessment).
 * <p>
 * What changes a jurisdiction's assessment of a year (reconciliation, a decision, a mapping revision) runs one
 * transaction at a time on every platform node: each such transaction first holds the database lock
 * {@code assessment:<jurisdiction>:<year>} ({@link AssessmentLock}), so two nodes never store the same derived item twice.
 * Every collaborator reads time from the one clock the service was given.
 */
public class JpaAssessmentService implements AssessmentService {
    private final List<String> grades;
    private final Mappings mappings;
    private final AssessmentExport exports;
    private final ItemListing listing;
    private final ItemDecisions decisions;
    private final ExportLog exportLog;

    /** {@code grades}: the grade labels of campaign results, highest first, comma-separated ("优秀,良好,一般,较差"). */
    public JpaAssessmentService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, String grades) {
        this(jpa, registry, campaigns, grades, Clock.systemUTC());
    }

    JpaAssessmentService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, String grades, Clock clock) {
        StoredJson json = new StoredJson();
        this.grades = parseGrades(grades);
        AssessmentAccess access = new AssessmentAccess(registry);
        CampaignResults results = new CampaignResults(campaigns);
        this.mappings = new Mappings(jpa, access, results, json, this.grades, clock);
        this.exportLog = new ExportLog(jpa, access, json);
        this.exports = new AssessmentExport(jpa, access, mappings, results, exportLog, clock);
        this.listing = new ItemListing(jpa, access, mappings, results, clock);
        this.decisions = new ItemDecisions(jpa, access, mappings, results, clock);
    }

    static List<String> parseGrades(String text) {
        List<String> out = Arrays.stream(Objects.requireNonNull(text, "grades").split(","))
                .map(g -> g.contains(":") ? g.substring(0, g.indexOf(':')) : g).map(String::trim).filter(g -> !g.isEmpty())
                .distinct().toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no grades");
        }
        return out;
    }

    @Override
    public List<String> grades() {
        return grades;
    }

    // ------------------------------------------------------------------ mappings

    @Override
    public Mapping mapping(Caller caller, String jurisdictionCode, int year) {
        return mappings.mapping(caller, jurisdictionCode, year);
    }

    @Override
    public Mapping mapping(Caller caller, String jurisdictionCode, int year, int revision) {
        return mappings.mapping(caller, jurisdictionCode, year, revision);
    }

    @Override
    public List<Mapping> mappingRevisions(Caller caller, String jurisdictionCode, int year) {
        return mappings.revisions(caller, jurisdictionCode, year);
    }

    @Override
    public Mapping saveMapping(Caller caller, String jurisdictionCode, int year, MappingDraft draft) {
        return mappings.save(caller, jurisdictionCode, year, draft);
    }

    // ------------------------------------------------------------------ the mapped view and its items

    @Override
    public AssessmentView export(Caller caller, String jurisdictionCode, int year, ExportFormat format) {
        return exports.export(caller, jurisdictionCode, year, format);
    }

    @Override
    public List<AssessmentItem> items(Caller caller, String jurisdictionCode, int year) {
        return listing.items(caller, jurisdictionCode, year);
    }

    // ------------------------------------------------------------------ deciding items

    @Override
    public AssessmentItem confirm(Caller caller, long itemId, String note) {
        return decisions.confirm(caller, itemId, note);
    }

    @Override
    public AssessmentItem drop(Caller caller, long itemId, String note) {
        return decisions.drop(caller, itemId, note);
    }

    // ------------------------------------------------------------------ export log

    @Override
    public List<ExportRecord> exports(Caller caller, String jurisdictionCode, Integer year) {
        return exportLog.list(caller, jurisdictionCode, year);
    }
}
