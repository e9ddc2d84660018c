package cn.supervision.document.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/** What a template or its data must never make the renderers do: fetch, explode, decode huge images, call methods. */
class RenderSafetyTest {
    private LocalJpaTemplate jpa;
    private JpaTemplateRegistry templates;
    private JpaDocumentService documents;
    private String notice;

    @BeforeEach
    void start() throws IOException {
        jpa = new LocalJpaTemplate("document-test", "META-INF/document-test-persistence.xml");
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of());
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.ofHours(8));
        templates = new JpaTemplateRegistry(jpa, registry, clock);
        documents = new JpaDocumentService(jpa, registry, templates, clock);
        notice = new String(getClass().getResourceAsStream("/cn/supervision/document/templates/rectification-notice.html")
                .readAllBytes(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    private void install(String html) {
        templates.install("370500", "cn.supervision.city.test", Map.of("rectification-notice.html",
                html.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> validate(String html) {
        return templates.validate("rectification-notice.html", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoConnection(ServerSocket server) throws IOException {
        server.setSoTimeout(300);
        assertThrows(SocketTimeoutException.class, () -> server.accept().close(), "the renderer connected to the server");
    }

    @Test
    void aUrlHiddenByAnInvertedSectionAtInstallIsRefusedAtRenderWithoutAFetchAndNothingIsNumbered() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/x.png";
            install(notice.replace("{{#contact}}", "{{^contact}}<p><img src=\"" + url + "\"/></p>{{/contact}}{{#contact}}"));
            Map<String, Object> model = SampleModels.specific(DocumentKind.RECTIFICATION_NOTICE);
            model.remove("contact");
            for (DocumentFormat format : DocumentFormat.values()) {
                IllegalStateException refused = assertThrows(IllegalStateException.class, () -> documents.generate(
                        DocumentServiceTest.CITY, new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370500",
                                "notice:1", "CZJ", null, "整改通知书", model, format)));
                assertTrue(refused.getMessage().contains("src"), refused.getMessage());
            }
            assertNoConnection(server);
            assertEquals(List.of(), documents.list(DocumentServiceTest.CITY, "370500", null, null, 0, 10));
            StoredDocument d = documents.generate(DocumentServiceTest.CITY, DocumentServiceTest.notice("notice:2", DocumentFormat.PDF));
            assertEquals("东编办发〔2026〕1号", d.documentNumber(), "a refused render numbers nothing");
        }
    }

    @Test
    void thePdfRendererFetchesNothingEvenForXhtmlThatSkippedTheCheck() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String base = "http://127.0.0.1:" + server.getLocalPort();
            String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><link rel=\"stylesheet\" href=\"" + base
                    + "/s.css\"/></head><body><p>正文</p><img src=\"" + base + "/x.png\"/>"
                    + "<img src=\"file:///etc/passwd\"/></body></html>";
            byte[] pdf = new PdfRenderer().render(Xhtml.parse(xhtml), "t", "a");
            assertTrue(DocumentServiceTest.pdfText(pdf).contains("正文"));
            assertNoConnection(server);
        }
    }

    @Test
    void sectionsNestedInTheirOwnNameOrTooDeepAreRefusedQuickly() {
        String deep = "{{#items}}".repeat(30) + "{{title}}" + "{{/items}}".repeat(30);
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> validate(notice.replace("{{#contact}}", deep + "{{#contact}}")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("同名区块")), problems.toString());
        assertTrue(validate(notice.replace("{{#contact}}", "{{#items}}{{#items}}{{no}}{{/items}}{{/items}}{{#contact}}"))
                .stream().anyMatch(p -> p.contains("同名区块")));
        String five = "{{#items}}{{#paragraphs}}{{#contact}}{{#deadline}}{{#addressee}}x{{/addressee}}{{/deadline}}"
                + "{{/contact}}{{/paragraphs}}{{/items}}";
        assertTrue(validate(notice.replace("<h2>二、有关要求</h2>", five + "<h2>二、有关要求</h2>")).stream()
                .anyMatch(p -> p.contains("区块嵌套超过 4 层")));
        String four = "{{#items}}{{#paragraphs}}{{#contact}}{{#deadline}}x{{/deadline}}{{/contact}}{{/paragraphs}}{{/items}}";
        assertEquals(List.of(), validate(notice.replace("<h2>二、有关要求</h2>", "<p>" + four + "</p><h2>二、有关要求</h2>")));
    }

    @Test
    void aRenderOverEightMegabytesIsRefusedAndNumbersNothing() {
        // each of 12 items repeats the 1 MB addressee: 12 MB of XHTML from 1 MB of data
        install(notice.replace("{{#items}}<tr>", "{{#items}}<tr><td>{{addressee}}</td>"));
        Map<String, Object> model = SampleModels.specific(DocumentKind.RECTIFICATION_NOTICE);
        model.put("addressee", "东".repeat(1024 * 1024));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(Map.of("no", i, "title", "问题", "requirement", "要求", "deadline", "2026年12月31日"));
        }
        model.put("items", items);
        SupervisionException refused = assertThrows(SupervisionException.class, () -> documents.generate(
                DocumentServiceTest.CITY, new DocumentRequest(DocumentKind.RECTIFICATION_NOTICE, "370500", "notice:1",
                        "CZJ", null, "整改通知书", model, DocumentFormat.DOCX)));
        assertEquals(ProblemKind.INVALID, refused.kind());
        assertTrue(refused.getMessage().contains("8 MB") || String.valueOf(refused.errors()).contains("8 MB"),
                refused.getMessage() + refused.errors());
        StoredDocument d = documents.generate(DocumentServiceTest.CITY, DocumentServiceTest.notice("notice:2", DocumentFormat.PDF));
        assertEquals("东编办发〔2026〕1号", d.documentNumber());
    }

    @Test
    void theDocumentIsRenderedOutsideTheNumberingTransactionAndARaceTakesTheNextNumber() throws Exception {
        FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of());
        int[] renders = {0};
        Thread[] racer = {null};
        StoredDocument[] raced = {null};
        JpaDocumentService racing = new JpaDocumentService(jpa, registry, templates,
                java.time.Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.ofHours(8))) {
            @Override
            byte[] render(DocumentFormat format, JpaTemplateRegistry.Template template, Map<String, Object> model,
                          String title, String author) {
                if (renders[0]++ == 0) {
                    // another office account generates the next notice while this one renders: it must not wait for us
                    racer[0] = new Thread(() -> raced[0] = documents.generate(DocumentServiceTest.CITY,
                            DocumentServiceTest.notice("notice:9", DocumentFormat.DOCX)));
                    racer[0].start();
                    try {
                        racer[0].join(20_000);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.render(format, template, model, title, author);
            }
        };
        StoredDocument mine = racing.generate(DocumentServiceTest.CITY, DocumentServiceTest.notice("notice:1", DocumentFormat.DOCX));
        racer[0].join();
        assertEquals("东编办发〔2026〕1号", raced[0].documentNumber(), "the racer was not blocked by a render");
        assertEquals("东编办发〔2026〕2号", mine.documentNumber());
        assertEquals(2, renders[0], "rendered again with the number still free");
    }

    static String png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(data, "IHDR", new byte[] {(byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
                (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height, 8, 2, 0, 0, 0});
        chunk(data, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(data, "IEND", new byte[0]);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static void chunk(DataOutputStream data, String type, byte[] body) throws IOException {
        data.writeInt(body.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        data.write(t);
        data.write(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        data.writeInt((int) crc.getValue());
    }

    @Test
    void anImageWhoseHeaderClaimsTooManyPixelsOrTooMuchDataIsRefusedWithoutDecoding() throws IOException {
        String bomb = png(40_000, 40_000);
        assertTrue(Xhtml.imageProblem(bomb).contains("40000×40000"), Xhtml.imageProblem(bomb));
        assertNull(Xhtml.imageProblem(png(960, 540)));
        assertTrue(validate(notice.replace("<h2>二、有关要求</h2>", "<p><img src=\"" + bomb + "\"/></p><h2>二、有关要求</h2>"))
                .stream().anyMatch(p -> p.contains("超过上限")));
        String big = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[3 * 1024 * 1024]);
        assertTrue(Xhtml.imageProblem(big).contains("2 MB"), Xhtml.imageProblem(big));
    }

    @Test
    void dottedNamesReadMapKeysOnlyAndCallNoMethod() {
        Map<String, Object> summary = new HashMap<>(Map.of("unitCount", 3));
        Map<String, Object> model = new HashMap<>();
        model.put("summary", summary);
        model.put("title", "标题");
        model.put("list", List.of("甲", "乙"));
        String out = Templates.render(new Templates().compile("t", "[{{summary.clear}}][{{summary.unitCount}}]"
                + "[{{title.length}}][{{summary.hashCode}}][{{#list}}{{.}}{{/list}}][{{list.size}}]"), model);
        assertEquals("[][3][][][甲乙][]", out);
        assertEquals(Map.of("unitCount", 3), summary);
    }
}
