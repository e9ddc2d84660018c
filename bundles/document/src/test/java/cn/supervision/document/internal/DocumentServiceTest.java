package cn.supervision.document.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.document.TemplateInForce;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

class DocumentServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller CZJ = new Caller("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ");
    static final Caller OTHER_UNIT = new Caller("jyj-user", Set.of(Role.UNIT_USER), "370500", "JYJ");

    private LocalJpaTemplate jpa;
    private JpaTemplateRegistry templates;
    private JpaDocumentService documents;
    private final java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.ofHours(8));

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("document-test", "META-INF/document-test-persistence.xml");
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of());
        templates = new JpaTemplateRegistry(jpa, registry, clock);
        documents = new JpaDocumentService(jpa, registry, templates, clock);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static DocumentRequest notice(String subject, DocumentFormat format) {
        Map<String, Object> model = SampleModels.specific(DocumentKind.RECTIFICATION_NOTICE);
        return new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370500", subject, "CZJ", null,
                "关于东营市某中心机构编制问题的整改通知书", model, format);
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The base font names of the Type 0 fonts embedded (with a FontFile2 TrueType program) in the PDF. */
    static Set<String> embeddedFonts(byte[] pdf) throws IOException {
        Set<String> names = new java.util.TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName n : res.getFontNames()) {
                    PDFont font = res.getFont(n);
                    if (font instanceof PDType0Font t0 && t0.getDescendantFont().getFontDescriptor().getFontFile2() != null) {
                        names.add(font.getName());
                    }
                }
            }
        }
        return names;
    }

    @Test
    void aRectificationNoticePdfCarriesTheRedHeaderNumberAndEmbeddedChineseFonts() throws IOException {
        StoredDocument d = documents.generate(CITY, notice("notice:5", DocumentFormat.PDF));
        assertEquals("东编办发〔2026〕1号", d.documentNumber());
        assertEquals(1, d.version());
        assertEquals("builtin", d.templateSource());
        assertFalse(d.issued());
        byte[] pdf = documents.content(CITY, d.id());
        assertEquals(d.size(), pdf.length);
        assertEquals(JpaTemplateRegistry.sha256(pdf), d.sha256());
        String text = pdfText(pdf).replaceAll("\\s+", "");
        assertTrue(text.contains("东营市机构编制委员会办公室文件"), text);
        assertTrue(text.contains("东编办发〔2026〕1号"), text);
        assertTrue(text.contains("关于东营市某中心机构编制问题的整改通知书"), text);
        assertTrue(text.contains("东营市某中心："), text);
        assertTrue(text.contains("超核定编制进人"), text);
        assertTrue(text.contains("2026年11月30日"), text);
        Set<String> fonts = embeddedFonts(pdf);
        assertTrue(fonts.stream().anyMatch(f -> f.contains("NotoSerifSC")), fonts.toString());
        assertTrue(fonts.stream().anyMatch(f -> f.contains("NotoSansSC")), "table headers in the sans face: " + fonts);
        assertTrue(pdf.length < 400_000, "subsets, not whole faces: " + pdf.length);
    }

    @Test
    void aRegeneratedSubjectKeepsItsNumberAndANewSubjectTakesTheNext() {
        StoredDocument first = documents.generate(CITY, notice("notice:5", DocumentFormat.PDF));
        StoredDocument again = documents.generate(CITY, notice("notice:5", DocumentFormat.PDF));
        StoredDocument word = documents.generate(CITY, notice("notice:5", DocumentFormat.DOCX));
        StoredDocument other = documents.generate(CITY, notice("notice:6", DocumentFormat.PDF));
        assertEquals(2, again.version());
        assertEquals(first.documentNumber(), again.documentNumber());
        assertEquals(1, word.version());
        assertEquals(first.documentNumber(), word.documentNumber());
        assertEquals("东编办发〔2026〕2号", other.documentNumber());
        // another kind counts on its own; an unnumbered kind has no number
        StoredDocument minutes = documents.generate(CITY, new DocumentRequest(DocumentKind.MEETING_MINUTES, "370500",
                "meeting:2", null, null, "联席会议纪要", SampleModels.specific(DocumentKind.MEETING_MINUTES), DocumentFormat.PDF));
        assertEquals("东编办发〔2026〕1号", minutes.documentNumber());
        StoredDocument report = documents.generate(CITY, new DocumentRequest(DocumentKind.UNIT_REPORT, "370500",
                "campaign:12/unit:CZJ", "CZJ", null, "东营市财政局评估报告", SampleModels.specific(DocumentKind.UNIT_REPORT),
                DocumentFormat.PDF));
        assertNull(report.documentNumber());
        assertEquals(List.of(report.id(), minutes.id(), other.id(), word.id(), again.id(), first.id()),
                documents.list(CITY, "370500", null, null, 0, 50).stream().map(StoredDocument::id).toList());
        assertEquals(List.of(word.id(), again.id(), first.id()),
                documents.list(CITY, null, DocumentKind.RECTIFICATION_NOTICE, "notice:5", 0, 50).stream().map(StoredDocument::id).toList());
    }

    @Test
    void theDocxIsEditableWordWithTheRedHeaderTitleTableAndChineseFontNames() throws IOException {
        StoredDocument d = documents.generate(CITY, notice("notice:5", DocumentFormat.DOCX));
        assertEquals(DocumentFormat.DOCX, d.format());
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(documents.content(CITY, d.id())))) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            XWPFParagraph header = docx.getParagraphs().get(0);
            assertEquals("东营市机构编制委员会办公室文件", header.getText());
            XWPFRun headerRun = header.getRuns().get(0);
            assertEquals("D40000", headerRun.getColor());
            assertEquals("方正小标宋简体", headerRun.getFontFamily(XWPFRun.FontCharRange.eastAsia));
            assertTrue(paragraphs.contains("东编办发〔2026〕1号"), paragraphs.toString());
            assertTrue(paragraphs.contains("关于东营市某中心机构编制问题的整改通知书"), paragraphs.toString());
            assertTrue(paragraphs.contains("东营市某中心："), paragraphs.toString());
            XWPFParagraph body = docx.getParagraphs().stream().filter(p -> p.getText().startsWith("根据《机构编制监督检查工作办法》"))
                    .findFirst().orElseThrow();
            assertEquals("仿宋_GB2312", body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia));
            assertEquals(16.0, body.getRuns().get(0).getFontSizeAsDouble());
            XWPFTable items = docx.getTables().get(0);
            assertEquals(3, items.getNumberOfRows());
            assertEquals("序号", items.getRow(0).getCell(0).getText());
            assertEquals("超核定编制进人", items.getRow(1).getCell(1).getText());
            assertEquals("2027年1月31日", items.getRow(2).getCell(3).getText());
            assertEquals("关于东营市某中心机构编制问题的整改通知书", docx.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void aCampaignReportWithAChartRendersBothFormats() throws IOException {
        Map<String, Object> model = SampleModels.specific(DocumentKind.CAMPAIGN_REPORT);
        for (DocumentFormat format : DocumentFormat.values()) {
            StoredDocument d = documents.generate(CITY, new DocumentRequest(DocumentKind.CAMPAIGN_REPORT, "370500",
                    "campaign:12", null, null, "东营市2026年度机构编制监管评估工作报告", model, format));
            byte[] bytes = documents.content(CITY, d.id());
            if (format == DocumentFormat.PDF) {
                String text = pdfText(bytes).replaceAll("\\s+", "");
                assertTrue(text.contains("东营市2026年度机构编制监管评估工作报告"), text);
                assertTrue(text.contains("东营市卫生健康委员会"), text);
                assertTrue(text.contains("共评估128个单位"), text);
            } else {
                try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
                    assertEquals(1, docx.getAllPictures().size(), "the chart");
                    XWPFTable ranking = docx.getTables().get(1);
                    assertEquals(4, ranking.getNumberOfRows());
                    assertEquals("东营市教育局", ranking.getRow(2).getCell(2).getText());
                }
            }
        }
    }

    @Test
    void aModelWithoutARequiredFieldIsRefusedBeforeAnythingIsWritten() {
        Map<String, Object> model = new HashMap<>(SampleModels.specific(DocumentKind.RECTIFICATION_NOTICE));
        model.remove("addressee");
        model.put("items", List.of());
        SupervisionException e = assertThrows(SupervisionException.class, () -> documents.generate(CITY,
                new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370500", "notice:5", "CZJ", null, "整改通知书",
                        model, DocumentFormat.PDF)));
        assertEquals(ProblemKind.INVALID, e.kind());
        assertEquals(Set.of("model.addressee", "model.items"), Set.copyOf(e.errors().stream().map(f -> f.field()).toList()));
        SupervisionException bad = assertThrows(SupervisionException.class, () -> documents.generate(CITY,
                new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370500", "../etc", "CZJ", null, " ",
                        SampleModels.specific(DocumentKind.RECTIFICATION_NOTICE), DocumentFormat.PDF)));
        assertEquals(ProblemKind.INVALID, bad.kind());
        Map<String, Object> odd = new HashMap<>(SampleModels.specific(DocumentKind.RECTIFICATION_NOTICE));
        odd.put("contact", new Object());
        assertEquals(ProblemKind.INVALID, assertThrows(SupervisionException.class, () -> documents.generate(CITY,
                new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370500", "notice:5", "CZJ", null, "整改通知书",
                        odd, DocumentFormat.PDF))).kind());
        assertEquals(List.of(), documents.list(CITY, null, null, null, 0, 50));
        // the counter was not touched either
        assertEquals("东编办发〔2026〕1号", documents.generate(CITY, notice("notice:5", DocumentFormat.PDF)).documentNumber());
    }

    @Test
    void authorityFollowsTheOnePolicyAndIssuingOpensADocumentToItsUnit() {
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class,
                () -> documents.generate(LIJIN, notice("notice:5", DocumentFormat.PDF))).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class,
                () -> documents.generate(CZJ, notice("notice:5", DocumentFormat.PDF))).kind());
        StoredDocument d = documents.generate(CITY, notice("notice:5", DocumentFormat.PDF));
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.get(CZJ, d.id())).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.content(CZJ, d.id())).kind());
        assertEquals(List.of(), documents.list(CZJ, null, null, null, 0, 50));
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.issue(CZJ, d.id())).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.issue(LIJIN, d.id())).kind());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class, () -> documents.get(CITY, 999)).kind());
        StoredDocument issued = documents.issue(CITY, d.id());
        assertTrue(issued.issued());
        assertEquals("city-admin", issued.issuedBy());
        assertEquals(d.sha256(), documents.get(CZJ, d.id()).sha256());
        assertEquals(1, documents.list(CZJ, null, null, null, 0, 50).size());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.get(OTHER_UNIT, d.id())).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.get(LIJIN, d.id())).kind());
    }

    @Test
    void templatesResolveOwnThenSuperiorThenBuiltInAndOfficeJsonOnlyFromTheOwnJurisdiction() throws IOException {
        String html = new String(getClass().getResourceAsStream("/cn/supervision/document/templates/rectification-notice.html")
                .readAllBytes(), StandardCharsets.UTF_8).replace("<h2>一、整改事项</h2>", "<h2>一、市定格式整改事项</h2>");
        byte[] office = "{\"issuingOffice\":\"东营市委机构编制委员会办公室\",\"numberPrefix\":\"东编委办\"}".getBytes(StandardCharsets.UTF_8);
        templates.install("370500", "cn.supervision.city.dongying", Map.of("office.json", office,
                "rectification-notice.html", html.getBytes(StandardCharsets.UTF_8)));
        StoredDocument city = documents.generate(CITY, notice("notice:5", DocumentFormat.PDF));
        assertEquals("东编委办〔2026〕1号", city.documentNumber());
        assertEquals("cn.supervision.city.dongying", city.templateSource());
        String text = pdfText(documents.content(CITY, city.id())).replaceAll("\\s+", "");
        assertTrue(text.contains("东营市委机构编制委员会办公室文件"), text);
        assertTrue(text.contains("市定格式整改事项"), text);

        StoredDocument county = documents.generate(LIJIN, new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370522",
                "notice:9", null, null, "关于利津县某局的整改通知书", SampleModels.specific(DocumentKind.RECTIFICATION_NOTICE),
                DocumentFormat.PDF));
        assertEquals("利编办发〔2026〕1号", county.documentNumber(), "derived from the county's own name");
        assertEquals("cn.supervision.city.dongying", county.templateSource(), "the superior's template");
        String countyText = pdfText(documents.content(LIJIN, county.id())).replaceAll("\\s+", "");
        assertTrue(countyText.contains("利津县机构编制委员会办公室文件"), countyText);

        List<TemplateInForce> inForce = templates.inForce(LIJIN, "370522");
        assertEquals("derived", inForce.get(0).source());
        TemplateInForce notice = inForce.stream().filter(t -> t.kind() == DocumentKind.RECTIFICATION_NOTICE).findFirst().orElseThrow();
        assertEquals("370500", notice.sourceJurisdictionCode());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> templates.inForce(LIJIN, "370500")).kind());
        assertEquals(7, templates.inForce(CITY, "370522").size());

        templates.retire("370500", "cn.supervision.city.dongying");
        StoredDocument after = documents.generate(CITY, notice("notice:7", DocumentFormat.PDF));
        assertEquals("builtin", after.templateSource());
        assertEquals("东编办发〔2026〕2号", after.documentNumber(), "one yearly counter per jurisdiction and kind, whatever the prefix");
    }

    @Test
    void storedBytesAreServedOnlyWhenTheyMatchTheirHash() {
        StoredDocument d = documents.generate(CITY, notice("notice:5", DocumentFormat.DOCX));
        assertEquals(d.size(), documents.content(CITY, d.id()).length);
        jpa.tx(em -> em.find(cn.supervision.document.internal.model.DocumentContentEntity.class, d.id())
                .setContent(new byte[] {1, 2, 3}));
        assertThrows(IllegalStateException.class, () -> documents.content(CITY, d.id()));
    }

    @Test
    void everyBuiltInTemplateRendersItsSampleInBothFormats() throws IOException {
        List<String> failures = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            Map<String, Object> model = SampleModels.specific(kind);
            String title = (String) model.getOrDefault("title", kind.label());
            StoredDocument pdf = documents.generate(CITY, new DocumentRequest(kind, "370500", "sample:" + kind.ordinal(),
                    null, null, title, model, DocumentFormat.PDF));
            String text = pdfText(documents.content(CITY, pdf.id())).replaceAll("\\s+", "");
            if (!text.contains(title)) {
                failures.add(kind + ": " + text);
            }
            StoredDocument docx = documents.generate(CITY, new DocumentRequest(kind, "370500", "sample:" + kind.ordinal(),
                    null, null, title, model, DocumentFormat.DOCX));
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(documents.content(CITY, docx.id())))) {
                if (doc.getParagraphs().stream().noneMatch(p -> p.getText().contains(title))) {
                    failures.add(kind + " docx");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aSpecialReportIsNotReadableOrIssuableThroughTheDocumentServiceByTheJurisdictionsLeaders() {
        Caller leader = new Caller("city-leader-2", Set.of(Role.LEADER), "370500", null);
        Map<String, Object> model = SampleModels.specific(DocumentKind.SPECIAL_REPORT);
        StoredDocument d = documents.generate(CITY, new DocumentRequest(DocumentKind.SPECIAL_REPORT, "370500",
                "special-report:7", null, null, "关于政府采购监督问题的监管专报", model, DocumentFormat.PDF));
        StoredDocument notice = documents.generate(CITY, notice("notice:8", DocumentFormat.PDF));

        assertEquals(List.of(notice.id()), documents.list(leader, "370500", null, null, 0, 100).stream()
                .map(StoredDocument::id).toList());
        assertEquals(List.of(), documents.list(leader, "370500", DocumentKind.SPECIAL_REPORT, null, 0, 100));
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.get(leader, d.id())).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.content(leader, d.id())).kind());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.content(CZJ, d.id())).kind());

        SupervisionException refused = assertThrows(SupervisionException.class, () -> documents.issue(CITY, d.id()));
        assertEquals(ProblemKind.CONFLICT, refused.kind());
        assertFalse(documents.get(CITY, d.id()).issued());
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(SupervisionException.class, () -> documents.content(leader, d.id())).kind());
        // the office, and the special-report service reading on a named leader's behalf, still read it
        assertEquals(d.size(), documents.content(CITY, d.id()).length);
        assertEquals(d.size(), documents.content(Caller.system("city-leader"), d.id()).length);
    }
}
