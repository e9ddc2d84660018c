package cn.supervision.api.document;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * The documents made from supervision results: gathers a campaign's, a unit's or a notice's data from the domain
 * services, builds the model of its {@link DocumentKind} and has {@link DocumentService} render and keep it.
 * Authority as for reading the underlying records plus {@code GENERATE_DOCUMENTS}.
 */
@ProviderType
public interface ResultDocumentService {

    /** 监管工作报告 of a published (or, for its own office, closed) campaign. */
    StoredDocument campaignReport(Caller caller, long campaignId, DocumentFormat format);

    /** One unit's report in a campaign. */
    StoredDocument unitReport(Caller caller, long campaignId, long unitId, DocumentFormat format);

    /** 整改通知书 of a rectification notice. */
    StoredDocument rectificationNotice(Caller caller, long noticeId, DocumentFormat format);

    /**
     * 通报 of the office's jurisdiction criticising the units of the given findings: {@code addressees} (主送),
     * {@code paragraphs} of text written by the office; the findings' units and problems are listed after them.
     */
    StoredDocument criticismNotice(Caller caller, String jurisdictionCode, String title, String addressees,
                                   List<String> paragraphs, List<Long> findingIds, DocumentFormat format);
}
