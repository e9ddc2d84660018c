package cn.supervision.cooperation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeDocumentService;

class OptionalDocumentsTest {
    static final Caller SYSTEM = Caller.system("test");

    /** Blueprint's proxy for a missing optional service throws an exception of this name after its timeout. */
    static final class ServiceUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A document service whose reads, the two calls shares make, fail with {@code e}. */
    private static DocumentService throwing(RuntimeException e) {
        return new FakeDocumentService() {
            @Override
            public StoredDocument get(Caller caller, long id) {
                throw e;
            }

            @Override
            public byte[] content(Caller caller, long id) {
                throw e;
            }
        };
    }

    @Test
    void aMissingDocumentServiceIsUnavailableNotAServerError() {
        for (OptionalDocuments documents : new OptionalDocuments[] {new OptionalDocuments(null),
                new OptionalDocuments(throwing(new ServiceUnavailableException()))}) {
            SupervisionException get = assertThrows(SupervisionException.class, () -> documents.get(SYSTEM, 1));
            assertEquals(ProblemKind.UNAVAILABLE, get.kind());
            assertEquals(ProblemKind.UNAVAILABLE, assertThrows(SupervisionException.class, () -> documents.content(SYSTEM, 1)).kind());
        }
    }

    @Test
    void theServicesOwnAnswersAndOtherFailuresPassThrough() {
        SupervisionException refused = SupervisionException.forbidden("不可读");
        assertSame(refused, assertThrows(SupervisionException.class, () -> new OptionalDocuments(throwing(refused)).get(SYSTEM, 1)));
        IllegalStateException broken = new IllegalStateException("broken");
        assertSame(broken, assertThrows(IllegalStateException.class, () -> new OptionalDocuments(throwing(broken)).content(SYSTEM, 1)));
    }
}
