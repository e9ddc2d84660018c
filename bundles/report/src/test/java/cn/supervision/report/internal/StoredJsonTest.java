package cn.supervision.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.report.LinkedFinding;
import cn.supervision.api.report.LinkedScore;
import cn.supervision.api.report.LinkedUnit;
import cn.supervision.api.report.ReportSection;
import cn.supervision.report.internal.model.SpecialReportEntity;

/** The report's JSON columns read back what was written, tolerate fields they do not know, and refuse garbage. */
class StoredJsonTest {
    private final StoredJson json = new StoredJson();

    @Test
    void sectionsAndLinksReadBackAsWritten() {
        List<ReportSection> sections = List.of(new ReportSection(null, "正文"), new ReportSection("一、基本情况", "情况"));
        Links links = new Links(List.of(new LinkedFinding(11, 1, "东营市财政局", "DUTY_NOT_PERFORMED", "GRAVE", "问题")),
                List.of(new LinkedUnit(2, "SWJ", "东营市商务局")), List.of(7L),
                List.of(new LinkedScore(7, "2026 年度机构编制监管", 1, "东营市财政局", new BigDecimal("58.50"), "较差", 9)));
        SpecialReportEntity e = stored(json.toJson(sections), json.toJson(links));
        assertEquals(sections, json.sections(e));
        assertEquals(links, json.links(e));
    }

    @Test
    void aFieldItDoesNotKnowIsIgnored() {
        SpecialReportEntity e = stored("[{\"heading\":\"一\",\"text\":\"正文\",\"style\":\"bold\"}]",
                "{\"findings\":[],\"units\":[],\"campaignIds\":[3],\"scores\":[],\"addedLater\":true}");
        assertEquals(List.of(new ReportSection("一", "正文")), json.sections(e));
        assertEquals(new Links(List.of(), List.of(), List.of(3L), List.of()), json.links(e));
    }

    @Test
    void anUnreadableColumnIsAnInternalError() {
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> json.sections(stored("{not json", "{}")));
        assertEquals("stored special report is not readable", x.getMessage());
    }

    private static SpecialReportEntity stored(String sections, String links) {
        SpecialReportEntity e = new SpecialReportEntity();
        e.setSectionsJson(sections);
        e.setLinksJson(links);
        return e;
    }
}
