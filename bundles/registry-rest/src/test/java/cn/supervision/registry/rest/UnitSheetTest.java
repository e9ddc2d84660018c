package cn.supervision.registry.rest;

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

    @Test
    void dutiesAndBodiesAreReadTheWaysOfficesWriteThem() {
        assertEquals(List.of(new Duty(1, "甲"), new Duty(2, "乙"), new Duty(3, "丙"), new Duty(4, "丁")),
                UnitSheet.duties("1、甲\n（2）乙\n3. 丙\n丁\n"));
        assertEquals(List.of("办公室", "法规科", "财务科", "信息中心"), UnitSheet.bodies("办公室、法规科，财务科\n信息中心"));
    }

    @Test
    void aWrongTemplateNamesTheMissingColumns() {
        Sheet wrong = new Sheet("x", List.of(List.of("名称", "类型"), List.of("某局", "政府部门")));
        SupervisionException e = assertThrows(SupervisionException.class, () -> UnitSheet.read(wrong));
        assertEquals(400, e.status());
        assertEquals(List.of("缺少必需的列“单位编码”", "缺少必需的列“单位名称”", "缺少必需的列“单位类别”"),
                e.errors().stream().map(FieldError::message).toList());
    }

    @Test
    void badCellsAreReportedByRowAndColumn() {
        Sheet bad = new Sheet("x", List.of(List.copyOf(UnitSheet.HEADERS),
                List.of("A", "某局", "", "不存在的类别", "", "", "", "", "十", "", "")));
        SupervisionException e = assertThrows(SupervisionException.class, () -> UnitSheet.read(bad));
        assertEquals(List.of("第 2 行 单位类别", "第 2 行 行政编制"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of(new FieldError("第 5 行 单位名称", "必填"), new FieldError("第 7 行 主要职责", "x")),
                UnitSheet.locate(List.of(new FieldError("rows[1].name", "必填"), new FieldError("rows[2].mandate.duties[0].text", "x")),
                        new int[] {2, 5, 7}));
    }
}
