package cn.supervision.powerlist.workbook;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerItemStatus;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyType;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

class PowerListWorkbookTest {

    private static byte[] xlsx(List<Sheet> sheets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, sheets);
        return out.toByteArray();
    }

    private static Sheet sheet(List<Object> header, List<List<Object>> rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return new Sheet("权责清单", all);
    }

    private static SupervisionException refused(Sheet s) {
        SupervisionException e = assertThrows(SupervisionException.class, () -> PowerListWorkbook.read(s));
        assertEquals(ProblemKind.INVALID, e.kind());
        return e;
    }

    @Test
    void aDutyNumberTooLongForAnyDutyIsTheRowsErrorNotACrash() {
        SupervisionException e = refused(sheet(List.of("事项编码", "事项名称", "事项类型", "对应职责序号"), List.of(
                List.of("JC-1", "特种设备检验", "行政检查", "99999999999"),
                List.of("JC-2", "食品经营许可", "行政许可", "第12345678901项"),
                List.of("JC-3", "企业登记", "行政许可", "123456789"))));
        assertEquals(List.of("第2行", "第3行"), e.errors().stream().map(x -> x.field()).toList(), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("99999999999"), e.errors().get(0).message());
    }

    @Test
    void rowsAreReadInAnyColumnOrderWithTheirExcelRowNumbers() throws IOException {
        Sheet s = sheet(List.of("对应职责序号", "事项名称", "事项编码", "事项类型", "实施主体"), List.of(
                List.of("3", "特种设备检验", "JC-1", "行政检查", "市市场监管局"),
                List.of("", "", "", "", ""),
                List.of("第2项", "食品经营许可", "XK-1", "行政许可", ""),
                List.of("", "企业登记", "XK-2", "行政许可", "")));
        List<PowerItemDraft> rows = PowerListWorkbook.read(new ByteArrayInputStream(xlsx(List.of(s))), 1 << 20);
        assertEquals(List.of(2, 4, 5), rows.stream().map(PowerItemDraft::row).toList());
        assertEquals(new PowerItemDraft(2, "JC-1", "特种设备检验", "行政检查", "", "市市场监管局", "", "", 3), rows.get(0));
        assertEquals(2, rows.get(1).dutyNumber());
        assertNull(rows.get(2).dutyNumber());
    }

    @Test
    void unknownRepeatedAndMissingColumnsAreNamedBeforeAnyRow() {
        SupervisionException e = refused(sheet(List.of("事项编码", "事项名", "事项类型", "备注", "事项类型"),
                List.of(List.of("", "", "", "", ""))));
        assertEquals(List.of("表头第2列", "表头第4列", "表头第5列", "表头"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(0).message().startsWith("“事项名”不是权责清单的列"));
        assertTrue(e.errors().get(1).message().startsWith("“备注”不是权责清单的列"));
        assertEquals("列“事项类型”重复", e.errors().get(2).message());
        assertEquals("缺少必需的列“事项名称”", e.errors().get(3).message());
    }

    @Test
    void aDutyNumberCellHoldsOneNumber() {
        SupervisionException e = refused(sheet(List.of("事项编码", "事项名称", "事项类型", "对应职责序号"), List.of(
                List.of("A", "甲", "行政许可", "3、5"), List.of("B", "乙", "行政许可", "无"), List.of("C", "丙", "行政许可", "4"))));
        assertEquals(List.of("第2行", "第3行"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(0).message().contains("“3、5”应为一个主要职责的序号"));
    }

    @Test
    void notAWorkbookIsA400AndAnEmptyOneToo() throws IOException {
        SupervisionException garbage = assertThrows(SupervisionException.class, () -> PowerListWorkbook.read(
                new ByteArrayInputStream("事项编码,事项名称\nA,甲".getBytes(StandardCharsets.UTF_8)), 1 << 20));
        assertEquals(ProblemKind.INVALID, garbage.kind());
        assertEquals("file", garbage.errors().get(0).field());
        SupervisionException big = assertThrows(SupervisionException.class, () -> PowerListWorkbook.read(
                new ByteArrayInputStream(xlsx(PowerListWorkbook.template())), 100));
        assertEquals(ProblemKind.TOO_LARGE, big.kind());
        assertEquals(ProblemKind.INVALID, refused(sheet(List.of("事项编码", "事项名称", "事项类型"), List.of())).kind());
        assertEquals(ProblemKind.INVALID, refused(new Sheet("空", List.of())).kind());
    }

    @Test
    void moreThanFiveThousandItemsAreRefused() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            rows.add(List.of("JC-" + i, "检查" + i, "行政检查"));
        }
        assertTrue(refused(sheet(List.of("事项编码", "事项名称", "事项类型"), rows)).getMessage().contains("5001"));
    }

    @Test
    void anExportReadsBackAsTheSameRowsAndTheTemplateHasTheColumns() throws Exception {
        PowerItem item = new PowerItem(1, 7, "SCJGJ", "370500", "XK-1", "食品经营许可", DutyType.LICENSING, "《食品安全法》第三十五条",
                "东营市市场监督管理局（登记注册科）", "受理、审查、决定", "违法准予许可的", 11L, 2, PowerItemStatus.CURRENT, 3,
                Instant.EPOCH, "city-admin");
        Sheet exported = PowerListWorkbook.export("市市场监管局权责清单", List.of(item));
        List<PowerItemDraft> back = PowerListWorkbook.read(new ByteArrayInputStream(xlsx(List.of(exported))), 1 << 20);
        assertEquals(List.of(new PowerItemDraft(2, "XK-1", "食品经营许可", "行政许可", "《食品安全法》第三十五条",
                "东营市市场监督管理局（登记注册科）", "受理、审查、决定", "违法准予许可的", 2)), back);

        List<Sheet> template = Xlsx.read(new ByteArrayInputStream(xlsx(PowerListWorkbook.template())));
        assertEquals(List.of("事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "责任事项", "追责情形", "对应职责序号"),
                template.get(0).rows().get(0));
        assertEquals(1, template.get(0).rows().size());
    }
}
