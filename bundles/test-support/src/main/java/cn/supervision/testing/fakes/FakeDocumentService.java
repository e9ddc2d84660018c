package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.security.Caller;

/**
 * A {@link DocumentService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeDocumentService implements DocumentService {
    @Override
    public StoredDocument generate(Caller caller, DocumentRequest request) {
        throw unused("generate");
    }

    @Override
    public List<StoredDocument> list(Caller caller, String jurisdictionCode, DocumentKind kind, String subject, int offset, int limit) {
        throw unused("list");
    }

    @Override
    public StoredDocument get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public byte[] content(Caller caller, long id) {
        throw unused("content");
    }

    @Override
    public StoredDocument issue(Caller caller, long id) {
        throw unused("issue");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("DocumentService." + method + " is not used by this test");
    }
}
