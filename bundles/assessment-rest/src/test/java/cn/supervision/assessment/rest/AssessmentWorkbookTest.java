package cn.supervision.assessment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.AssessmentView;
import cn.supervision.api.assessment.CampaignRevision;
import cn.supervision.api.assessment.ItemKind;
import cn.supervision.api.assessment.ItemState;
import cn.supervision.api.assessment.UnitAssessment;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

/** The Excel export: Chinese headers, one row per unit, a sheet of items, the revisions used. */
class AssessmentWorkbookTest {

    static AssessmentItem item(long id, ItemKind kind, String points, ItemState state) {
        return new AssessmentItem(id, "370500", 2026, 11, "东营市财政局", 9, "优化营商环境专项监管", 1, 2, 1, kind, new BigDecimal(points),
                "专项监管“优化营商环境专项监管”中等次为“较差”", state, state == ItemState.CONFIRMED ? "city-admin" : null, null, null);
    }

    @Test
    void oneRowPerUnitAndOnePerItem() throws Exception {
        AssessmentView v = new AssessmentView("370500", 2026, 2,
                List.of(new CampaignRevision(7, CampaignKind.ROUTINE, "2026年度常规监管", 3),
                        new CampaignRevision(9, CampaignKind.SPECIAL, "优化营商环境专项监管", 1)),
                List.of(new UnitAssessment(11, "CZJ", "东营市财政局", 7L, 3, new BigDecimal("14.72"), "较差", new BigDecimal("1.47"),
                                List.of(item(1, ItemKind.DEDUCTION, "0.5", ItemState.CONFIRMED), item(2, ItemKind.BONUS, "1", ItemState.PROPOSED)),
                                new BigDecimal("0.97")),
                        new UnitAssessment(13, "SWJ", "东营市商务局", null, null, null, null, null, List.of(), null)),
                41, Instant.parse("2026-11-30T02:00:00Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, AssessmentResource.workbook(v));
        List<Sheet> sheets = Xlsx.read(new ByteArrayInputStream(out.toByteArray()));
        Sheet units = sheets.get(0);
        assertEquals("考核折算结果", units.name());
        assertEquals("单位代码", units.text(0, 1));
        assertEquals(3, units.rows().size());
        assertEquals("CZJ", units.text(1, 1));
        assertEquals("1.47", units.text(1, 7));
        assertEquals("0", units.text(1, 8), "the proposed bonus is not counted");
        assertEquals("0.5", units.text(1, 9));
        assertEquals("0.97", units.text(1, 10));
        assertEquals("", units.text(2, 7), "no routine result, no points");
        Sheet items = sheets.get(1);
        assertEquals("加减分事项", items.name());
        assertEquals(3, items.rows().size());
        assertEquals("扣分", items.text(1, 6));
        assertEquals("已确认", items.text(1, 8));
        assertEquals("待确认", items.text(2, 8));
        Sheet about = sheets.get(2);
        assertEquals("2", about.text(3, 1));
        assertEquals("2026年度常规监管（第 3 版结果）", about.text(6, 1));
    }

    @Test
    void aYearThatIsNoNumberIsA400NamingIt() {
        SupervisionException e = org.junit.jupiter.api.Assertions.assertThrows(SupervisionException.class, () -> AssessmentResource.year("二〇二六"));
        assertEquals("year", e.errors().get(0).field());
    }
}
