package cn.supervision.cooperation.internal;

import java.util.function.Supplier;

import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;

/**
 * The document service as shares use it. It is optional (its bundle may be absent, and Blueprint's proxy then times
 * out): a call that cannot be made is a 503, not a server error.
 */
final class OptionalDocuments {
    private final DocumentService documents;

    OptionalDocuments(DocumentService documents) {
        this.documents = documents;
    }

    StoredDocument get(Caller caller, long id) {
        return call(() -> documents.get(caller, id));
    }

    byte[] content(Caller caller, long id) {
        return call(() -> documents.content(caller, id));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SupervisionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().endsWith("ServiceUnavailableException") || e instanceof NullPointerException) {
                throw new SupervisionException(ProblemKind.UNAVAILABLE, "服务不可用", "文书服务当前不可用，暂不能通报文书", null);
            }
            throw e;
        }
    }
}
