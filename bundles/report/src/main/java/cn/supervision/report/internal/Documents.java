package cn.supervision.report.internal;

import java.util.List;
import java.util.Map;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;

/** The document engine, optional at runtime: without it generating (and so sending) is refused with 503. */
final class Documents {
    private final List<DocumentService> services;

    Documents(List<DocumentService> services) {
        this.services = services;
    }

    static String subject(long reportId) {
        return "special-report:" + reportId;
    }

    StoredDocument generate(Caller caller, String jurisdictionCode, long reportId, String title, Map<String, Object> model,
                            DocumentFormat format) {
        return service().generate(caller, new DocumentRequest(DocumentKind.SPECIAL_REPORT, jurisdictionCode, subject(reportId),
                null, null, title, model, format));
    }

    byte[] content(Caller caller, long documentId) {
        return service().content(caller, documentId);
    }

    private DocumentService service() {
        if (services.isEmpty()) {
            throw new SupervisionException(ProblemKind.UNAVAILABLE, "服务不可用", "文书服务未运行，不能生成或读取监管专报文书", null);
        }
        return services.get(0);
    }
}
