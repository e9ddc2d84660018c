package cn.supervision.document.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

class TemplateValidationTest {
    private LocalJpaTemplate jpa;
    private JpaTemplateRegistry templates;
    private String good;

    @BeforeEach
    void start() throws IOException {
        jpa = new LocalJpaTemplate("document-test", "META-INF/document-test-persistence.xml");
        templates = new JpaTemplateRegistry(jpa, new FakeRegistry(FakeRegistry.DONGYING, List.of()));
        good = new String(getClass().getResourceAsStream("/cn/supervision/document/templates/rectification-notice.html")
                .readAllBytes(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    private List<String> notice(String text) {
        return templates.validate("rectification-notice.html", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertOne(List<String> problems, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("模板 rectification-notice.html：") && p.contains(fragment)),
                "expected a problem with «" + fragment + "»: " + problems);
    }

    @Test
    void everyBuiltInTemplateIsValid() {
        for (DocumentKind kind : DocumentKind.values()) {
            byte[] text = new Templates().builtin(kind).getBytes(StandardCharsets.UTF_8);
            assertEquals(List.of(), templates.validate(kind.templateFile(), text), kind.name());
        }
    }

    @Test
    void brokenMustacheIsRefused() {
        assertOne(notice(good.replace("{{/items}}", "")), "Mustache 语法错误");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        List<String> problems = notice(good.replace("{{addressee}}", "各单位"));
        assertOne(problems, "没有使用必需字段 addressee");
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertOne(notice(good.replace("{{contact}}", "{{contact}}{{password}}")), "模型中没有字段 password");
    }

    @Test
    void partialsInheritanceUnescapedOutputAndDelimiterChangesAreRefused() {
        assertOne(notice(good.replace("<h2>", "{{> /etc/passwd}}<h2>")), "子模板");
        assertOne(notice(good.replace("<h2>", "{{<base}}{{/base}}<h2>")), "模板继承");
        assertOne(notice(good.replace("{{addressee}}", "{{{addressee}}}")), "不转义");
        assertOne(notice(good.replace("{{addressee}}", "{{&addressee}}")), "不转义");
        assertOne(notice(good.replace("<h2>", "{{=<% %>=}}<h2>")), "定界符");
    }

    @Test
    void disallowedElementsAttributesAndExternalResourcesAreRefused() {
        assertOne(notice(good.replace("<h2>", "<script>alert(1)</script><h2>")), "不支持的元素 <script>");
        assertOne(notice(good.replace("<h2>", "<link href=\"x.css\"/><h2>")), "不支持的元素 <link>");
        assertOne(notice(good.replace("<h1>", "<h1 style=\"color:red\">")), "不支持属性 style");
        assertOne(notice(good.replace("<h2>", "<img src=\"file:///etc/passwd\"/><h2>")), "data: URI");
        assertOne(notice(good.replace("<h2>", "<img src=\"http://example.com/a.png\"/><h2>")), "data: URI");
    }

    @Test
    void malformedXhtmlDoctypeAndEntitiesAreRefused() {
        assertOne(notice(good.replace("</table>", "")), "不是格式良好的 XHTML");
        assertOne(notice("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + good.replace("<h2>", "&x;<h2>")),
                "不是格式良好的 XHTML");
        assertOne(templates.validate("rectification-notice.html", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}), "UTF-8");
    }

    @Test
    void officeJsonAndUnknownFilesAreChecked() {
        assertEquals(List.of(), templates.validate("office.json",
                "{\"issuingOffice\":\"东营市机构编制委员会办公室\",\"numberPrefix\":\"东编办发\"}".getBytes(StandardCharsets.UTF_8)));
        List<String> problems = templates.validate("office.json", "{\"issuingOffice\":\"\",\"prefix\":1}".getBytes(StandardCharsets.UTF_8));
        assertTrue(problems.stream().allMatch(p -> p.startsWith("模板 office.json：")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("不认识的字段 prefix")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("缺少字段 numberPrefix")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("issuingOffice 必须是非空文字")), problems.toString());
        assertTrue(templates.validate("office.json", "{".getBytes(StandardCharsets.UTF_8)).get(0).contains("不是有效的 JSON"));
        assertTrue(templates.validate("report.html", good.getBytes(StandardCharsets.UTF_8)).get(0).contains("不支持的模板文件"));
    }

    @Test
    void installRefusesABrokenFileAndWritesNothing() {
        SupervisionException e = assertThrows(SupervisionException.class, () -> templates.install("370500", "cn.x.city",
                Map.of("office.json", "{\"issuingOffice\":\"东营市机构编制委员会办公室\",\"numberPrefix\":\"东编办发\"}"
                        .getBytes(StandardCharsets.UTF_8), "rectification-notice.html", "<html>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(ProblemKind.INVALID, e.kind());
        assertEquals("derived", templates.resolve("370500").office().source());
    }
}
