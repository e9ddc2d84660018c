package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.AssessmentService;
import cn.supervision.api.assessment.AssessmentView;
import cn.supervision.api.assessment.ExportFormat;
import cn.supervision.api.assessment.ExportRecord;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingDraft;
import cn.supervision.api.security.Caller;

/**
 * A {@link AssessmentService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeAssessmentService implements AssessmentService {
    @Override
    public List<String> grades() {
        throw unused("grades");
    }

    @Override
    public Mapping mapping(Caller caller, String jurisdictionCode, int year) {
        throw unused("mapping");
    }

    @Override
    public Mapping mapping(Caller caller, String jurisdictionCode, int year, int revision) {
        throw unused("mapping");
    }

    @Override
    public List<Mapping> mappingRevisions(Caller caller, String jurisdictionCode, int year) {
        throw unused("mappingRevisions");
    }

    @Override
    public Mapping saveMapping(Caller caller, String jurisdictionCode, int year, MappingDraft draft) {
        throw unused("saveMapping");
    }

    @Override
    public AssessmentView export(Caller caller, String jurisdictionCode, int year, ExportFormat format) {
        throw unused("export");
    }

    @Override
    public List<AssessmentItem> items(Caller caller, String jurisdictionCode, int year) {
        throw unused("items");
    }

    @Override
    public AssessmentItem confirm(Caller caller, long itemId, String note) {
        throw unused("confirm");
    }

    @Override
    public AssessmentItem drop(Caller caller, long itemId, String note) {
        throw unused("drop");
    }

    @Override
    public List<ExportRecord> exports(Caller caller, String jurisdictionCode, Integer year) {
        throw unused("exports");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("AssessmentService." + method + " is not used by this test");
    }
}
