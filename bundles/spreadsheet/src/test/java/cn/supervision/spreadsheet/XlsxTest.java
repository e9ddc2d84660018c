package cn.supervision.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTest {

    @Test
    void whatWeWritePoiReads() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("单位", List.of(
                Arrays.asList("编码", "名称", "行政编制"),
                Arrays.asList("SWBGS", "中共东营市委办公室 <&> \"引号\"", 58),
                Arrays.asList("X2", "第一行\n第二行", 3.5)))));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertEquals("单位", s.getSheetName());
            assertEquals("编码", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("中共东营市委办公室 <&> \"引号\"", s.getRow(1).getCell(1).getStringCellValue());
            assertEquals(CellType.NUMERIC, s.getRow(1).getCell(2).getCellType());
            assertEquals(58.0, s.getRow(1).getCell(2).getNumericCellValue());
            assertEquals("第一行\n第二行", s.getRow(2).getCell(1).getStringCellValue());
            assertEquals(3.5, s.getRow(2).getCell(2).getNumericCellValue());
        }
    }

    @Test
    void roundTripThroughOurOwnReader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("a", List.of(List.of("h1", "h2"), List.of("v", 12))),
                new Sheet("b", List.of(List.of("only")))));
        List<Sheet> sheets = Xlsx.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(2, sheets.size());
        assertEquals("v", sheets.get(0).text(1, 0));
        assertEquals("12", sheets.get(0).text(1, 1));
        assertEquals("", sheets.get(0).text(5, 5));
        assertEquals("only", sheets.get(1).text(0, 0));
    }

    @Test
    void readsWhatPoiWritesWithSharedStringsNumbersGapsAndMergedCells() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("指标");
            XSSFRow h = s.createRow(0);
            h.createCell(0).setCellValue("一级指标");
            h.createCell(1).setCellValue("二级指标");
            h.createCell(3).setCellValue("权重");
            XSSFRow r1 = s.createRow(1);
            r1.createCell(0).setCellValue("职责指标");
            r1.createCell(1).setCellValue("核心职责");
            r1.createCell(3).setCellValue(40);
            XSSFRow r2 = s.createRow(2);
            r2.createCell(1).setCellValue("辅助职责");
            Cell w = r2.createCell(3);
            w.setCellValue(12.50);
            s.addMergedRegion(new CellRangeAddress(1, 2, 0, 0)); // 职责指标 spans two rows
            s.createRow(6).createCell(2).setCellValue("gap row");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            bytes = out.toByteArray();
        }
        Sheet sheet = Xlsx.read(new ByteArrayInputStream(bytes)).get(0);
        assertEquals("指标", sheet.name());
        assertEquals("一级指标", sheet.text(0, 0));
        assertEquals("", sheet.text(0, 2));
        assertEquals("权重", sheet.text(0, 3));
        assertEquals("40", sheet.text(1, 3));
        assertEquals("12.5", sheet.text(2, 3));
        assertEquals("职责指标", sheet.text(2, 0), "a merged cell's value is seen in every cell of the range");
        assertEquals("gap row", sheet.text(6, 2));
        assertEquals(7, sheet.rows().size());
    }

    @Test
    void garbageIsRefusedWithAMessage() {
        SpreadsheetException e = assertThrows(SpreadsheetException.class,
                () -> Xlsx.read(new ByteArrayInputStream("name,code\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("xlsx"), e.getMessage());
    }

    @Test
    void zipBombsStopAtTheLimit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 3; i++) {
                zip.write(zeros);
            }
        }
        SpreadsheetException e = assertThrows(SpreadsheetException.class,
                () -> Xlsx.read(new ByteArrayInputStream(out.toByteArray()), 2L * 1024 * 1024));
        assertTrue(e.getMessage().contains("上限"), e.getMessage());
    }

    @Test
    void documentTypeDeclarationsAreNotFollowed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<workbook><sheets><sheet name=\"&e;\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(SpreadsheetException.class, () -> Xlsx.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void uploadsAreLimitedBeforeTheyAreRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(new Sheet("a", List.of(List.of("x")))));
        assertEquals("x", Xlsx.readUpload(new ByteArrayInputStream(out.toByteArray()), 1_000_000).get(0).text(0, 0));
        SpreadsheetException big = assertThrows(SpreadsheetException.class,
                () -> Xlsx.readUpload(new ByteArrayInputStream(new byte[3 * 1024 * 1024]), 2 * 1024 * 1024));
        assertTrue(big.tooLarge());
        SpreadsheetException empty = assertThrows(SpreadsheetException.class,
                () -> Xlsx.readUpload(new ByteArrayInputStream(new byte[0]), 1000));
        assertTrue(!empty.tooLarge() && empty.getMessage().contains("空"));
    }

    @Test
    void columnNames() {
        assertEquals("A", Xlsx.columnName(0));
        assertEquals("Z", Xlsx.columnName(25));
        assertEquals("AA", Xlsx.columnName(26));
        assertEquals(27, Xlsx.parseColumn("AB12"));
    }
}
