package cn.supervision.registry.rest;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyRole;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

class UnitSheetTest {

    @Test
    void exportReadsBackAsTheSameDrafts() throws Exception {
        Mandate m = new Mandate(List.of(new Duty(1, "负责财政收支。"), new Duty(2, "管理政府债务。")), List.of("办公室", "预算科"),
                new Staffing(40, 3, 6));
        Unit parent = new Unit(7, "CZJ", "东营市财政局", "市财政局", UnitKind.GOVERNMENT_DEPARTMENT, "370500", null,
                UnitStatus.ACTIVE, m, 1, Instant.EPOCH, "t", Instant.EPOCH, "t");
        Unit child = new Unit(8, "CZZX", "东营市财政综合服务中心", null, UnitKind.PUBLIC_INSTITUTION, "370500", 7L,
                UnitStatus.ACTIVE, Mandate.EMPTY, 1, Instant.EPOCH, "t", Instant.EPOCH, "t");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(UnitSheet.export("单位", List.of(parent, child))));
        Sheet sheet = Xlsx.read(new ByteArrayInputStream(out.toByteArray())).get(0);
        UnitSheet.Parsed parsed = UnitSheet.read(sheet);
        assertEquals(List.of(
                new UnitDraft("CZJ", "东营市财政局", "市财政局", UnitKind.GOVERNMENT_DEPARTMENT, null, null, m),
                new UnitDraft("CZZX", "东营市财政综合服务中心", "", UnitKind.PUBLIC_INSTITUTION, null, "CZJ", Mandate.EMPTY)),
                parsed.drafts());
        assertEquals(2, parsed.excelRows()[0]);
    }

    /** Types and links survive export and import; ids are not in the sheet (the registry matches by text, then number). */
    @Test
    void typedAndLinkedDutiesReadBackAsWritten() throws Exception {
        Mandate m = new Mandate(List.of(
                new Duty(11L, 1, "负责食品经营许可。", DutyType.LICENSING, List.of(new DutyLink("NYNC", 2, 21L, DutyRole.LEAD),
                        new DutyLink("WJW", 4, 31L, DutyRole.ASSIST))),
                new Duty(12L, 2, "负责食品安全监督检查。", DutyType.INSPECTION, List.of()),
                new Duty(13L, 3, "[草案] 以方括号开头但不是类型的职责。", null, List.of(new DutyLink("NYNC", 1, 20L, null)))),
                List.of("办公室"), new Staffing(10, 0, 2));
        Unit u = new Unit(7, "SCJG", "东营市市场监督管理局", null, UnitKind.GOVERNMENT_DEPARTMENT, "370500", null,
                UnitStatus.ACTIVE, m, 3, Instant.EPOCH, "t", Instant.EPOCH, "t");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(UnitSheet.export("单位", List.of(u))));
        Sheet sheet = Xlsx.read(new ByteArrayInputStream(out.toByteArray())).get(0);
        assertEquals("1. [行政许可] 负责食品经营许可。", sheet.text(1, UnitSheet.HEADERS.indexOf(UnitSheet.DUTIES)).split("\n")[0]);
        assertEquals("第1条 牵头 NYNC 第2条\n第1条 配合 WJW 第4条\n第3条 NYNC 第1条",
                sheet.text(1, UnitSheet.HEADERS.indexOf(UnitSheet.LINKS)));
        SupervisionException bracket = assertThrows(SupervisionException.class, () -> UnitSheet.read(sheet));
        assertEquals("第 2 行 主要职责", bracket.errors().get(0).field(), "a leading bracket must name a type");

        Mandate plain = new Mandate(List.of(m.duties().get(0), m.duties().get(1)), m.internalBodies(), m.staffing());
        out.reset();
        Xlsx.write(out, List.of(UnitSheet.export("单位", List.of(new Unit(7, "SCJG", "东营市市场监督管理局", null,
                UnitKind.GOVERNMENT_DEPARTMENT, "370500", null, UnitStatus.ACTIVE, plain, 3, Instant.EPOCH, "t", Instant.EPOCH, "t")))));
        UnitDraft back = UnitSheet.read(Xlsx.read(new ByteArrayInputStream(out.toByteArray())).get(0)).drafts().get(0);
        assertEquals(List.of(
                new Duty(null, 1, "负责食品经营许可。", DutyType.LICENSING, List.of(new DutyLink("NYNC", 2, null, DutyRole.LEAD),
                        new DutyLink("WJW", 4, null, DutyRole.ASSIST))),
                new Duty(null, 2, "负责食品安全监督检查。", DutyType.INSPECTION, List.of())), back.mandate().duties());
    }

    @Test
    void dutiesAndBodiesAreReadTheWaysOfficesWriteThem() {
        List<FieldError> errors = new java.util.ArrayList<>();
        assertEquals(List.of(new Duty(1, "甲"), new Duty(2, "乙"), new Duty(3, "丙"), new Duty(4, "丁"),
                        new Duty(null, 5, "戊", DutyType.LICENSING, List.of()), new Duty(null, 6, "己", DutyType.PENALTY, List.of())),
                DutyCells.duties("1、甲\n（2）乙\n3. 丙\n丁\n5. [行政许可] 戊\n【行政处罚】己", "主要职责", errors));
        assertEquals(List.of(), errors);
        assertEquals(List.of("办公室", "法规科", "财务科", "信息中心"), UnitSheet.bodies("办公室、法规科，财务科\n信息中心"));
    }

    @Test
    void aWrongTemplateNamesTheMissingColumns() {
        Sheet wrong = new Sheet("x", List.of(List.of("名称", "类型"), List.of("某局", "政府部门")));
        SupervisionException e = assertThrows(SupervisionException.class, () -> UnitSheet.read(wrong));
        assertEquals(ProblemKind.INVALID, e.kind());
        assertEquals(List.of("缺少必需的列“单位编码”", "缺少必需的列“单位名称”", "缺少必需的列“单位类别”"),
                e.errors().stream().map(FieldError::message).toList());
    }

    /** A digit run beyond an int names its cell (400), never escapes as a NumberFormatException (500). */
    @Test
    void hugeDutyNumbersAreCellErrors() {
        Sheet huge = new Sheet("x", List.of(List.copyOf(UnitSheet.HEADERS),
                List.of("A", "某局", "", "政府部门", "", "", "1. 甲\n99999999999. 乙",
                        "第99999999999条 牵头 B 第1条\n第1条 配合 B 第99999999999条\n第0001条 配合 B 第2条", "", "", "", "")));
        SupervisionException e = assertThrows(SupervisionException.class, () -> UnitSheet.read(huge));
        assertEquals(ProblemKind.INVALID, e.kind());
        assertEquals(List.of("第 2 行 主要职责", "第 2 行 职责关联", "第 2 行 职责关联"),
                e.errors().stream().map(FieldError::field).toList(), e.errors().toString());
        assertEquals(List.of("“99999999999. 乙”：职责序号 99999999999 过大", "“第99999999999条 牵头 B 第1条”：职责序号 99999999999 过大",
                        "“第1条 配合 B 第99999999999条”：职责序号 99999999999 过大"),
                e.errors().stream().map(FieldError::message).toList());
        // leading zeros are not digits of the number
        List<FieldError> errors = new java.util.ArrayList<>();
        assertEquals(List.of(new Duty(null, 1, "甲", null, List.of(new DutyLink("B", 2, null, DutyRole.ASSIST)))),
                DutyCells.withLinks(DutyCells.duties("00000000001. 甲", "主要职责", errors), "第0000000000001条 配合 B 第2条",
                        "职责关联", errors));
        assertEquals(List.of(), errors);
    }

    @Test
    void badCellsAreReportedByRowAndColumn() {
        Sheet bad = new Sheet("x", List.of(List.copyOf(UnitSheet.HEADERS),
                List.of("A", "某局", "", "不存在的类别", "", "", "1. [行政审核] 甲\n2. 乙", "第2条 牵头 B 第1条\n第9条 配合 B 第1条\n随便写",
                        "", "十", "", "")));
        SupervisionException e = assertThrows(SupervisionException.class, () -> UnitSheet.read(bad));
        assertEquals(List.of("第 2 行 单位类别", "第 2 行 行政编制", "第 2 行 主要职责",
                        "第 2 行 职责关联", "第 2 行 职责关联"), e.errors().stream().map(FieldError::field).toList(), e.errors().toString());
        assertEquals(List.of(new FieldError("第 5 行 单位名称", "必填"), new FieldError("第 7 行 主要职责", "x")),
                UnitSheet.locate(List.of(new FieldError("rows[1].name", "必填"), new FieldError("rows[2].mandate.duties[0].text", "x")),
                        new int[] {2, 5, 7}));
        assertEquals(List.of(new FieldError("第 2 行 职责关联", "y")),
                UnitSheet.locate(List.of(new FieldError("rows[0].mandate.duties[1].links[0]", "y")), new int[] {2}));
    }
}
