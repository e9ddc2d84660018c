package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.ResultDocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.security.Caller;

/**
 * A {@link ResultDocumentService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeResultDocumentService implements ResultDocumentService {
    @Override
    public StoredDocument campaignReport(Caller caller, long campaignId, DocumentFormat format) {
        throw unused("campaignReport");
    }

    @Override
    public StoredDocument unitReport(Caller caller, long campaignId, long unitId, DocumentFormat format) {
        throw unused("unitReport");
    }

    @Override
    public StoredDocument rectificationNotice(Caller caller, long noticeId, DocumentFormat format) {
        throw unused("rectificationNotice");
    }

    @Override
    public StoredDocument criticismNotice(Caller caller, String jurisdictionCode, String title, String addressees, List<String> paragraphs, List<Long> findingIds, DocumentFormat format) {
        throw unused("criticismNotice");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("ResultDocumentService." + method + " is not used by this test");
    }
}
