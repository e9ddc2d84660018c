package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.supervision.api.document.TemplateRegistry;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.FakeRegistry;

/** A contribution's SUPERVISION-INF/templates/: read, validated through the TemplateRegistry, installed or refused. */
class ContributionTemplatesTest {
    static final String COUNTY = "cn.supervision.county.lijin";

    /** Refuses a template containing BROKEN, with a reason naming the file, and records installs and retirements. */
    static final class RecordingTemplates implements TemplateRegistry {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<String> validate(String path, byte[] content) {
            return new String(content, StandardCharsets.UTF_8).contains("BROKEN")
                    ? List.of("模板 " + path + "：Mustache 语法错误：未闭合的区段 items") : List.of();
        }

        @Override
        public void install(String jurisdictionCode, String source, Map<String, byte[]> files) {
            calls.add("install " + jurisdictionCode + " " + source + " " + new java.util.TreeSet<>(files.keySet()));
        }

        @Override
        public void retire(String jurisdictionCode, String source) {
            calls.add("retire " + jurisdictionCode + " " + source);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private final FakeRegistry registry = new FakeRegistry(FakeRegistry.DONGYING, List.of());
    private final RecordingTemplates templates = new RecordingTemplates();
    private final ContributionProcessor processor = new ContributionProcessor(registry, null, "cn.supervision.city.dongying",
            "370500", () -> templates);

    @Test
    void templatesAreReadFromTheirFolderAndCountInTheContentHash() {
        BundleContent c = BundleContent.read(Map.of("templates/office.json", b("{}"), "templates/rectification-notice.html", b("<html/>")));
        assertEquals(List.of("office.json", "rectification-notice.html"), List.copyOf(c.templates().keySet()));
        assertEquals(List.of(), c.problems());
        assertFalse(c.contentHash().equals(BundleContent.read(Map.of("templates/office.json", b("{}"))).contentHash()));
        BundleContent odd = BundleContent.read(Map.of("templates/a/b.html", b("<html/>"), "templates/notes.txt", b("x")));
        assertEquals(2, odd.problems().size(), odd.problems().toString());
        assertTrue(odd.problems().get(0).startsWith("templates/a/b.html："), odd.problems().toString());
    }

    @Test
    void aCountyBundleWithABrokenTemplateIsRefusedWithTheReasonAndNothingInstalled() {
        BundleContent c = BundleContent.read(Map.of("templates/office.json", b("{}"),
                "templates/rectification-notice.html", b("<html>{{#items}}BROKEN</html>")));
        ContributionProcessor.Outcome o = processor.process(COUNTY, "370522", c, Caller.system("deploy"), null, true);
        assertFalse(o.accepted());
        assertEquals(List.of("模板 rectification-notice.html：Mustache 语法错误：未闭合的区段 items"), o.reasons());
        assertEquals(List.of(), templates.calls);
    }

    @Test
    void aGoodOneIsInstalledForTheBundlesJurisdictionAndANewVersionWithoutTemplatesRetiresThem() {
        BundleContent c = BundleContent.read(Map.of("templates/office.json", b("{}"),
                "templates/rectification-notice.html", b("<html/>")));
        ContributionProcessor.Outcome o = processor.process(COUNTY, "370522", c, Caller.system("deploy"), null, true);
        assertTrue(o.accepted(), o.reasons().toString());
        // a restart of the same content does not install again
        assertTrue(processor.process(COUNTY, "370522", c, Caller.system("restart"), null, false).accepted());
        // the next version carries no templates (nor anything this test's read-only registry would have to apply)
        BundleContent without = BundleContent.read(Map.of("notes.txt", b("模板已撤回")));
        assertEquals(List.of(), without.problems());
        assertTrue(processor.process(COUNTY, "370522", without, Caller.system("deploy"), null, true).accepted());
        assertEquals(List.of("install 370522 " + COUNTY + " [office.json, rectification-notice.html]", "retire 370522 " + COUNTY),
                templates.calls);
    }

    @Test
    void withoutADocumentServiceTemplatesCannotBeCheckedSoTheExtenderRetries() {
        ContributionProcessor none = new ContributionProcessor(registry, null, "cn.supervision.city.dongying", "370500", () -> null);
        BundleContent c = BundleContent.read(Map.of("templates/rectification-notice.html", b("<html/>")));
        assertThrows(IllegalStateException.class, () -> none.process(COUNTY, "370522", c, Caller.system("deploy"), null, true));
    }
}
