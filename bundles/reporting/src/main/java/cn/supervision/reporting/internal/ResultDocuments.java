package cn.supervision.reporting.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.ResultDocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.security.UserDirectory;

/**
 * The result documents: a small facade over {@link DataGatherer} (reads as the caller through the owning services),
 * one builder per kind and {@link DocumentService} (renders, numbers, keeps and enforces GENERATE_DOCUMENTS). Before
 * gathering anything it asks the one policy whether the caller may generate documents of the record's jurisdiction,
 * so a refused caller costs one read and sees nothing of the data.
 */
public class ResultDocuments implements ResultDocumentService {
    static final int MAX_TITLE = 100;
    static final int MAX_ADDRESSEES = 500;
    static final int MAX_PARAGRAPHS = 50;
    static final int MAX_PARAGRAPH = 5_000;
    static final int MAX_FINDINGS = 500;

    private final RegistryService registry;
    private final DataGatherer gatherer;
    private final CampaignReportBuilder campaignReports;
    private final UnitReportBuilder unitReports;
    private final NoticeBuilder notices;
    private final CriticismBuilder criticisms;
    private final DocumentService documents;

    /** The platform's wiring (Blueprint). */
    public ResultDocuments(RegistryService registry, CampaignService campaigns, FindingService findings,
                           RectificationService rectification, UserDirectory users, DocumentService documents, ChartFonts fonts) {
        this(registry, new DataGatherer(registry, campaigns, findings, rectification, users),
                new CampaignReportBuilder(new ChartPainter(fonts)), new UnitReportBuilder(), new NoticeBuilder(), new CriticismBuilder(),
                documents);
    }

    ResultDocuments(RegistryService registry, DataGatherer gatherer, CampaignReportBuilder campaignReports, UnitReportBuilder unitReports,
                    NoticeBuilder notices, CriticismBuilder criticisms, DocumentService documents) {
        this.registry = registry;
        this.gatherer = gatherer;
        this.campaignReports = campaignReports;
        this.unitReports = unitReports;
        this.notices = notices;
        this.criticisms = criticisms;
        this.documents = documents;
    }

    @Override
    public StoredDocument campaignReport(Caller caller, long campaignId, DocumentFormat format) {
        requireFormat(format);
        Campaign c = gatherer.campaign(caller, campaignId);
        requireGenerate(caller, c.jurisdictionCode());
        DataGatherer.CampaignData data = gatherer.campaignData(caller, c);
        Map<String, Object> model = campaignReports.model(data);
        return documents.generate(caller, new DocumentRequest(DocumentKind.CAMPAIGN_REPORT, c.jurisdictionCode(), "campaign:" + c.id(),
                null, null, CampaignReportBuilder.title(data), model, format));
    }

    @Override
    public StoredDocument unitReport(Caller caller, long campaignId, long unitId, DocumentFormat format) {
        requireFormat(format);
        Campaign c = gatherer.campaign(caller, campaignId);
        requireGenerate(caller, c.jurisdictionCode());
        DataGatherer.UnitData data = gatherer.unitData(caller, c, unitId);
        return documents.generate(caller, new DocumentRequest(DocumentKind.UNIT_REPORT, c.jurisdictionCode(),
                "campaign:" + c.id() + "/unit:" + data.unit().code(), data.unit().code(), null, UnitReportBuilder.title(data),
                unitReports.model(data), format));
    }

    @Override
    public StoredDocument rectificationNotice(Caller caller, long noticeId, DocumentFormat format) {
        requireFormat(format);
        DataGatherer.NoticeData data = gatherer.notice(caller, noticeId);
        requireGenerate(caller, data.notice().jurisdictionCode());
        return documents.generate(caller, new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, data.notice().jurisdictionCode(),
                "notice:" + noticeId, data.notice().unitCode(), null, NoticeBuilder.title(data.notice()), notices.model(data), format));
    }

    /**
     * The subject is {@code criticism:<jurisdiction>-<finding ids, ascending, joined by '.'>} (see {@link #findingsKey}): the
     * same findings make the same 通报 (a revised text is its next version and keeps its number), other findings another one.
     */
    @Override
    public StoredDocument criticismNotice(Caller caller, String jurisdictionCode, String title, String addressees,
                                          List<String> paragraphs, List<Long> findingIds, DocumentFormat format) {
        if (Texts.blank(jurisdictionCode)) {
            throw SupervisionException.invalid("jurisdictionCode", "必须指定行政区划");
        }
        text("title", "标题", title, MAX_TITLE);
        text("addressees", "主送单位", addressees, MAX_ADDRESSEES);
        if (paragraphs == null || paragraphs.isEmpty() || paragraphs.size() > MAX_PARAGRAPHS) {
            throw SupervisionException.invalid("paragraphs", "正文应有 1 至 " + MAX_PARAGRAPHS + " 段");
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            text("paragraphs[" + i + "]", "正文段落", paragraphs.get(i), MAX_PARAGRAPH);
        }
        if (findingIds == null || findingIds.isEmpty() || findingIds.size() > MAX_FINDINGS
                || findingIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw SupervisionException.invalid("findingIds", "应列出 1 至 " + MAX_FINDINGS + " 个被通报的问题");
        }
        if (new HashSet<>(findingIds).size() != findingIds.size()) {
            throw SupervisionException.invalid("findingIds", "问题不能重复列出");
        }
        requireFormat(format);
        String code = jurisdictionCode.strip();
        requireGenerate(caller, code);
        List<Finding> found = gatherer.findings(caller, findingIds);
        for (Finding f : found) {
            if (!f.jurisdictionCode().equals(code)) {
                throw SupervisionException.invalid("findingIds", "问题 " + f.id() + " 不属于行政区划 " + code);
            }
        }
        String subject = "criticism:" + code + "-" + findingsKey(findingIds);
        return documents.generate(caller, new DocumentRequest(DocumentKind.CRITICISM_NOTICE, code, subject, null, null,
                title.strip(), criticisms.model(title, addressees, paragraphs, found), format));
    }

    /**
     * The finding ids ascending, joined by '.'; when that is longer than a subject's part may be (64 characters with the
     * jurisdiction), the first 16 hex digits of its SHA-256, prefixed by {@code h}.
     */
    static String findingsKey(List<Long> findingIds) {
        String ids = findingIds.stream().sorted().map(String::valueOf).collect(Collectors.joining("."));
        if (ids.length() <= 48) {
            return ids;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(ids.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return "h" + java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireGenerate(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.GENERATE_DOCUMENTS, Target.of(jurisdictionCode));
    }

    private static void requireFormat(DocumentFormat format) {
        if (format == null) {
            throw SupervisionException.invalid("format", "必须指定文书格式（PDF 或 DOCX）");
        }
    }

    private static void text(String field, String label, String value, int max) {
        if (Texts.blank(value)) {
            throw SupervisionException.invalid(field, label + "不能为空");
        }
        if (value.strip().length() > max) {
            throw SupervisionException.invalid(field, label + "不能超过 " + max + " 个字");
        }
    }
}
