package cn.supervision.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    /** A workbook whose only sheet has {@code sheetData} and {@code tail} (what follows sheetData) as given. */
    static byte[] workbook(String sheetData, String tail) throws IOException {
        return workbook("", sheetData, tail);
    }

    static byte[] workbook(String prolog, String sheetData, String tail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
            zip.write(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write((prolog + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + sheetData + "</sheetData>" + tail + "</worksheet>").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Runs the read on this thread and returns what it threw, its duration and the bytes it allocated. */
    private static Object[] measured(byte[] xlsx) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // without per-thread accounting both readings are -1 and any allocation would pass as none
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM measures what a thread allocates");
        long thread = Thread.currentThread().getId();
        long allocated = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        SpreadsheetException e = assertThrows(SpreadsheetException.class, () -> Xlsx.read(new ByteArrayInputStream(xlsx)));
        return new Object[] {e, (System.nanoTime() - start) / 1_000_000, threads.getThreadAllocatedBytes(thread) - allocated};
    }

    @Test
    void oneMergedRangeOverTheWholeSheetIsRefusedQuicklyAndWithoutFillingIt() throws Exception {
        byte[] xlsx = workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
                "<mergeCells count=\"1\"><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>");
        assertTrue(xlsx.length < 1024, "the attack fits in " + xlsx.length + " bytes");
        // before the limits the reader filled 17 billion cells in and the JVM died of it; the allocation bound is the
        // guard (a wall-clock bound would only measure the host), the preemptive timeout keeps a regression from hanging
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Object[] m = measured(xlsx);
            SpreadsheetException e = (SpreadsheetException) m[0];
            assertTrue(e.tooLarge(), e.getMessage());
            assertTrue(e.getMessage().contains("合并单元格的总面积不得超过 200000"), e.getMessage());
            assertTrue((Long) m[2] < 32L * 1024 * 1024, "allocated " + m[2] + " bytes in " + m[1] + " ms");
        });
    }

    @Test
    void rowsColumnsCellsAndMergedAreasHaveLimitsNamedInTheRefusal() throws Exception {
        Xlsx.Limits small = new Xlsx.Limits(10, 5, 30, 8);
        String cell = "<c r=\"%s\" t=\"inlineStr\"><is><t>x</t></is></c>";
        byte[] farRow = workbook("<row r=\"11\">" + cell.formatted("A11") + "</row>", "");
        byte[] farColumn = workbook("<row r=\"1\">" + cell.formatted("F1") + "</row>", "");
        StringBuilder full = new StringBuilder();
        for (int r = 1; r <= 7; r++) {
            full.append("<row r=\"").append(r).append("\">").append(cell.formatted("E" + r)).append("</row>");
        }
        byte[] tooManyCells = workbook(full.toString(), "");
        byte[] mergedTooLarge = workbook("<row r=\"1\">" + cell.formatted("A1") + "</row>",
                "<mergeCells><mergeCell ref=\"A1:C2\"/><mergeCell ref=\"D4:B3\"/></mergeCells>");
        byte[] hugeColumnName = workbook("<row r=\"1\">" + cell.formatted("AAAAAAAAAAAAAA1") + "</row>", "");
        assertRefused(farRow, small, "行数不得超过 10");
        assertRefused(farColumn, small, "列数不得超过 5");
        assertRefused(tooManyCells, small, "单元格总数不得超过 30");
        assertRefused(mergedTooLarge, small, "合并单元格的总面积不得超过 8");
        assertRefused(hugeColumnName, Xlsx.Limits.DEFAULT, "列数不得超过 256");

        byte[] fits = workbook("<row r=\"1\">" + cell.formatted("A1") + "</row>",
                "<mergeCells><mergeCell ref=\"A1:B3\"/></mergeCells>");
        List<List<Object>> rows = Xlsx.read(new ByteArrayInputStream(fits), Xlsx.DEFAULT_MAX_UNCOMPRESSED, small).get(0).rows();
        assertEquals(List.of(List.of("x", "x"), List.of("x", "x"), List.of("x", "x")), rows);
    }

    private static void assertRefused(byte[] xlsx, Xlsx.Limits limits, String naming) {
        SpreadsheetException e = assertThrows(SpreadsheetException.class,
                () -> Xlsx.read(new ByteArrayInputStream(xlsx), Xlsx.DEFAULT_MAX_UNCOMPRESSED, limits));
        assertTrue(e.tooLarge() && e.getMessage().contains(naming), e.getMessage());
    }

    @Test
    void anyDocumentTypeDeclarationIsRefusedEvenWithoutEntities() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>";
        for (byte[] xlsx : List.of(workbook(laughs, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row>", ""),
                workbook("<!DOCTYPE worksheet>", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>", ""))) {
            SpreadsheetException e = assertThrows(SpreadsheetException.class, () -> Xlsx.read(new ByteArrayInputStream(xlsx)));
            assertEquals("Excel 文件不得包含 DOCTYPE 声明", e.getMessage());
        }
        assertEquals("x", Xlsx.read(new ByteArrayInputStream(workbook("<?xml version=\"1.0\"?>",
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>", ""))).get(0).text(0, 0));
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
