package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

/**
 * The document engine inside Karaf: POI, openhtmltopdf and PDFBox embedded in their bundle render a PDF with the
 * bundled Chinese faces and a DOCX; the city bundle's templates/office.json is in force; a county contribution with a
 * broken template is refused with the reason, a good one is installed and used; the REST download and issue rules.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DocumentsEngineIT {
    static final String API = PlatformIT.API;
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    @Inject
    DocumentService documents;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    static Map<String, Object> notice(String addressee) {
        return Map.of("addressee", addressee,
                "paragraphs", java.util.List.of(Map.of("text", "经检查，你单位存在超核定编制进人问题，现通知整改。")),
                "items", java.util.List.of(Map.of("no", 1, "title", "超核定编制进人", "requirement", "消化超编人员2名",
                        "deadline", "2027年3月31日")),
                "deadline", "2027年3月31日", "contact", "监督检查科");
    }

    @Test
    public void aPdfAndADocxRenderInKarafAndTheRestRulesHold() throws Exception {
        Http.await(API + "/v1/jurisdictions/370500/templates", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "cn.supervision.city.dongying"), 90_000);
        StoredDocument pdf = documents.generate(CITY, new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370500",
                "notice:it-1", "CZJ", null, "关于东营市财政局机构编制问题的整改通知书", notice("东营市财政局"), DocumentFormat.PDF));
        assertTrue(pdf.documentNumber(), pdf.documentNumber().matches("东编办发〔\\d{4}〕\\d+号"));
        String url = API + "/v1/documents/" + pdf.id();

        Http.Reply anonymous = Http.call("GET", url + "/content", null, null, null);
        assertEquals(401, anonymous.status());
        assertEquals("not issued yet", 403, Http.get(url + "/content", "czj-user").status());
        assertEquals(403, Http.get(url, "lijin-admin").status());

        Http.Reply content = Http.get(url + "/content", "city-admin");
        assertEquals(content.body(), 200, content.status());
        assertTrue(content.contentType(), content.contentType().startsWith("application/pdf"));
        assertEquals("\"" + pdf.sha256() + "\"", content.header("ETag"));
        assertTrue(content.header("Content-Disposition"), content.header("Content-Disposition").contains("filename*=UTF-8''"
                + java.net.URLEncoder.encode("关于东营市财政局机构编制问题的整改通知书-v1.pdf", StandardCharsets.UTF_8)));
        String raw = new String(content.bytes(), StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-"));
        // the fonts sit in compressed object streams (the unit tests read them with PDFBox: NotoSerifSC subsets, FontFile2);
        // here their size shows: the same page without embedded CJK glyphs is under 10 KB
        assertTrue("embedded font subsets: " + content.bytes().length, content.bytes().length > 20_000);
        assertEquals(304, Http.call("GET", url + "/content", "city-admin", null, null,
                Map.of("If-None-Match", "\"" + pdf.sha256() + "\"")).status());

        assertEquals(403, Http.call("POST", url + "/issue", "czj-user", null, null).status());
        Http.Reply issued = Http.call("POST", url + "/issue", "city-admin", null, null);
        assertEquals(issued.body(), 200, issued.status());
        assertTrue(Json.has(issued.body(), "issued", true));
        assertEquals(200, Http.get(url + "/content", "czj-user").status());
        Http.Reply list = Http.get(API + "/v1/documents?kind=RECTIFICATION_NOTICE&subject=notice:it-1", "czj-user");
        assertTrue(list.body(), Json.has(list.body(), "id", pdf.id()) && "1".equals(list.header("X-Total-Count")));
        assertEquals(400, Http.get(API + "/v1/documents?kind=LETTER", "city-admin").status());

        StoredDocument docx = documents.generate(CITY, new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370500",
                "notice:it-1", "CZJ", null, "关于东营市财政局机构编制问题的整改通知书", notice("东营市财政局"), DocumentFormat.DOCX));
        assertEquals("a regenerated subject keeps its number", pdf.documentNumber(), docx.documentNumber());
        Http.Reply word = Http.get(API + "/v1/documents/" + docx.id() + "/content", "city-admin");
        assertTrue(word.contentType(), word.contentType().startsWith(DocumentFormat.DOCX.mediaType()));
        assertEquals('P', (char) word.bytes()[0]);
        assertEquals('K', (char) word.bytes()[1]);
    }

    @Test
    public void aCountyTemplateIsRefusedWhenBrokenAndUsedWhenGood() throws Exception {
        Http.await(API + "/v1/jurisdictions/370522/templates", "lijin-admin", r -> r.status() == 200, 90_000);
        String bsn = "cn.supervision.county.lijin-documents";
        byte[] broken = TestBundles.jar(bsn, "1.0.0", "370522", Map.of("templates/rectification-notice.html",
                "<html><body><h1>{{title}}</h1>{{#items}}<p>{{title}}</p></body></html>"));
        Http.Reply refused = Http.call("POST", API + "/v1/contributions", "lijin-admin", "application/java-archive", broken);
        assertEquals(refused.body(), 201, refused.status());
        assertTrue(refused.body(), Json.has(refused.body(), "state", "REJECTED")
                && Json.anyText(refused.body(), "模板 rectification-notice.html"));

        byte[] good = TestBundles.jar(bsn, "1.0.1", "370522", Map.of("templates/office.json",
                "{\"issuingOffice\":\"利津县机构编制委员会办公室\",\"numberPrefix\":\"利编发\"}"));
        Http.Reply accepted = Http.call("POST", API + "/v1/contributions", "lijin-admin", "application/java-archive", good);
        assertTrue(accepted.body(), Json.has(accepted.body(), "state", "ACTIVE"));
        Http.Reply templates = Http.get(API + "/v1/jurisdictions/370522/templates", "lijin-admin");
        assertTrue(templates.body(), Json.has(templates.body(), "file", "office.json", "source", bsn));
        assertEquals(403, Http.get(API + "/v1/jurisdictions/370523/templates", "lijin-admin").status());
        assertEquals(403, Http.get(API + "/v1/jurisdictions/370522/templates", "czj-user").status());

        Caller lijin = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
        StoredDocument d = documents.generate(lijin, new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370522",
                "notice:it-2", null, null, "关于利津县某中心的整改通知书", notice("利津县某中心"), DocumentFormat.PDF));
        assertTrue(d.documentNumber(), d.documentNumber().startsWith("利编发〔"));
        assertEquals("builtin", d.templateSource());
    }
}
