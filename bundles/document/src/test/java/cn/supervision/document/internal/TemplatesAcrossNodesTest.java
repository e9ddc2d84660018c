package cn.supervision.document.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.document.DocumentKind;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * Two platform nodes on one database, each with its own template registry: templates and the office profile a
 * contribution bundle installs or retires on one node are what the other renders with from its next document on.
 */
class TemplatesAcrossNodesTest {
    private final LocalJpaTemplate database = new LocalJpaTemplate("document-test", "META-INF/document-test-persistence.xml");
    private final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of());
    private final JpaTemplateRegistry a = new JpaTemplateRegistry(database, registry);
    private final JpaTemplateRegistry b = new JpaTemplateRegistry(database, registry);

    @AfterEach
    void stop() {
        database.close();
    }

    private static Map<String, byte[]> cityFiles(String office, String heading) throws IOException {
        String html = new String(TemplatesAcrossNodesTest.class.getResourceAsStream(
                "/cn/supervision/document/templates/rectification-notice.html").readAllBytes(), StandardCharsets.UTF_8)
                .replace("<h2>一、整改事项</h2>", "<h2>" + heading + "</h2>");
        return Map.of("office.json", ("{\"issuingOffice\":\"" + office + "\",\"numberPrefix\":\"东编委办\"}").getBytes(StandardCharsets.UTF_8),
                "rectification-notice.html", html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whatOneNodeInstallsOrRetiresTheOtherRendersWithNext() throws IOException {
        JpaTemplateRegistry.Resolved before = b.resolve("370500");
        assertEquals(JpaTemplateRegistry.BUILTIN, before.templates().get(DocumentKind.RECTIFICATION_NOTICE).source());
        assertSame(before, b.resolve("370500"), "unchanged templates are not read again");

        a.install("370500", "cn.supervision.city.dongying", cityFiles("东营市委机构编制委员会办公室", "一、市定格式整改事项"));
        JpaTemplateRegistry.Resolved installed = b.resolve("370500");
        assertEquals("cn.supervision.city.dongying", installed.templates().get(DocumentKind.RECTIFICATION_NOTICE).source());
        assertEquals("东营市委机构编制委员会办公室", installed.office().issuingOffice());
        assertEquals("cn.supervision.city.dongying", b.resolve("370522").templates().get(DocumentKind.RECTIFICATION_NOTICE).source(),
                "a county under the city takes the city's template");

        a.install("370500", "cn.supervision.city.dongying", cityFiles("东营市机构编制委员会办公室", "一、新版整改事项"));
        JpaTemplateRegistry.Resolved updated = b.resolve("370500");
        assertEquals("东营市机构编制委员会办公室", updated.office().issuingOffice(), "an updated bundle's office profile");

        a.retire("370500", "cn.supervision.city.dongying");
        assertEquals(JpaTemplateRegistry.BUILTIN, b.resolve("370500").templates().get(DocumentKind.RECTIFICATION_NOTICE).source());
        assertEquals("derived", b.resolve("370500").office().source());
    }
}
