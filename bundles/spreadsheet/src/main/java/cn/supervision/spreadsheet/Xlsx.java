package cn.supervision.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A deliberately small Office Open XML spreadsheet codec: the subset offices exchange (text and number
 * cells, shared or inline strings, merged cells), read with hard limits so an upload cannot exhaust
 * memory (zip bombs) or reach outside (no DTDs, no external entities).
 */
public final class Xlsx {

    /** Upper bound of the uncompressed size of all parts read from one workbook. */
    public static final long DEFAULT_MAX_UNCOMPRESSED = 64L * 1024 * 1024;
    private static final int MAX_ENTRIES = 2_000;
    private static final String NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private Xlsx() {
    }

    // ---------------------------------------------------------------- writing

    /** Writes the sheets as a workbook; the first row of every sheet is styled as a header and frozen. */
    public static void write(OutputStream target, List<Sheet> sheets) throws IOException {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        put(zip, "[Content_Types].xml", contentTypes(sheets.size()));
        put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        StringBuilder wb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"" + NS_MAIN + "\" xmlns:r=\"" + NS_REL + "\"><sheets>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= sheets.size(); i++) {
            wb.append("<sheet name=\"").append(escape(sheetName(sheets.get(i - 1).name(), i)))
              .append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                .append(i).append(".xml\"/>");
        }
        wb.append("</sheets></workbook>");
        rels.append("<Relationship Id=\"rId").append(sheets.size() + 1)
            .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
            .append("</Relationships>");
        put(zip, "xl/workbook.xml", wb.toString());
        put(zip, "xl/_rels/workbook.xml.rels", rels.toString());
        put(zip, "xl/styles.xml", STYLES);
        for (int i = 1; i <= sheets.size(); i++) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + i + ".xml"));
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            writeSheet(w, sheets.get(i - 1));
            w.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    private static String sheetName(String name, int index) {
        String n = name == null || name.isBlank() ? "Sheet" + index : name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return n.length() > 31 ? n.substring(0, 31) : n;
    }

    private static void writeSheet(Writer w, Sheet sheet) throws IOException {
        int columns = sheet.rows().stream().mapToInt(List::size).max().orElse(0);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + NS_MAIN + "\">");
        w.write("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        if (columns > 0) {
            w.write("<cols>");
            for (int c = 0; c < columns; c++) {
                w.write("<col min=\"" + (c + 1) + "\" max=\"" + (c + 1) + "\" width=\"" + columnWidth(sheet, c) + "\" customWidth=\"1\"/>");
            }
            w.write("</cols>");
        }
        w.write("<sheetData>");
        for (int r = 0; r < sheet.rows().size(); r++) {
            List<Object> row = sheet.rows().get(r);
            w.write("<row r=\"" + (r + 1) + "\">");
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                String ref = columnName(c) + (r + 1);
                String style = r == 0 ? " s=\"1\"" : " s=\"2\"";
                if (v instanceof Number n) {
                    w.write("<c r=\"" + ref + "\"" + style + "><v>" + new BigDecimal(n.toString()).toPlainString() + "</v></c>");
                } else {
                    w.write("<c r=\"" + ref + "\"" + style + " t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                            + escape(v.toString()) + "</t></is></c>");
                }
            }
            w.write("</row>");
        }
        w.write("</sheetData></worksheet>");
    }

    private static int columnWidth(Sheet sheet, int column) {
        int max = 6;
        for (List<Object> row : sheet.rows()) {
            if (column < row.size() && row.get(column) != null) {
                String first = row.get(column).toString().split("\n", 2)[0];
                int width = 0;
                for (int i = 0; i < first.length(); i++) {
                    width += first.charAt(i) > 0x2E80 ? 2 : 1; // CJK characters take two columns
                }
                max = Math.max(max, width + 2);
            }
        }
        return Math.min(max, 60);
    }

    private static String contentTypes(int sheets) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            sb.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
              .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return sb.append("</Types>").toString();
    }

    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<styleSheet xmlns=\"" + NS_MAIN + "\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String columnName(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    // characters XML 1.0 cannot carry are dropped rather than producing an unreadable file
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- reading

    /**
     * What one workbook may spread out to once read. The compressed and uncompressed sizes bound the bytes, but not
     * the shape: a 1 KB part can declare one merged range over the whole sheet (17 billion cells), a cell in column
     * XFD or a row numbered a million, and filling those in is what exhausts the heap. Every figure is checked before
     * the structure it allows is built.
     *
     * @param maxRows          rows of one sheet (the highest row number counts, not the rows present)
     * @param maxColumns       columns of one sheet (likewise the highest column)
     * @param maxCells         cells of one sheet once gaps and merged ranges are filled in; also the most shared strings
     * @param maxMergedCells   the summed area of the merged ranges of one sheet
     */
    public record Limits(int maxRows, int maxColumns, long maxCells, long maxMergedCells) {
        /** Far above any unit list or indicator system an office exchanges, far below what hurts the platform. */
        public static final Limits DEFAULT = new Limits(20_000, 256, 1_000_000, 200_000);
    }

    /**
     * Reads an uploaded workbook of at most {@code maxBytes} bytes (compressed), so a request body never has to be
     * trusted for its size. An empty or too large upload is a {@link SpreadsheetException} saying so.
     */
    public static List<Sheet> readUpload(InputStream upload, int maxBytes) throws SpreadsheetException, java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = upload.read(buf)) > 0) {
            if (out.size() + n > maxBytes) {
                throw new SpreadsheetException("文件超过 " + (maxBytes / 1024 / 1024) + " MB 上限", true);
            }
            out.write(buf, 0, n);
        }
        if (out.size() == 0) {
            throw new SpreadsheetException("请求体为空：请上传 .xlsx 文件");
        }
        return read(new java.io.ByteArrayInputStream(out.toByteArray()));
    }

    public static List<Sheet> read(InputStream source) throws SpreadsheetException {
        return read(source, DEFAULT_MAX_UNCOMPRESSED);
    }

    public static List<Sheet> read(InputStream source, long maxUncompressedBytes) throws SpreadsheetException {
        return read(source, maxUncompressedBytes, Limits.DEFAULT);
    }

    /** Reads every worksheet of the workbook, in workbook order. */
    public static List<Sheet> read(InputStream source, long maxUncompressedBytes, Limits limits) throws SpreadsheetException {
        Map<String, byte[]> parts = unzip(source, maxUncompressedBytes);
        byte[] workbook = parts.get("xl/workbook.xml");
        if (workbook == null) {
            throw new SpreadsheetException("不是有效的 Excel (.xlsx) 文件：缺少 xl/workbook.xml");
        }
        try {
            List<String> sharedStrings = parts.containsKey("xl/sharedStrings.xml")
                    ? readSharedStrings(parts.get("xl/sharedStrings.xml"), limits) : List.of();
            Map<String, String> targets = readRelationships(parts.get("xl/_rels/workbook.xml.rels"));
            List<Sheet> sheets = new ArrayList<>();
            for (Map.Entry<String, String> sheet : readSheetList(workbook).entrySet()) {
                String target = targets.get(sheet.getValue());
                if (target == null) {
                    continue;
                }
                String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                byte[] xml = parts.get(normalize(path));
                if (xml != null) {
                    sheets.add(new Sheet(sheet.getKey(), readSheet(xml, sharedStrings, limits)));
                }
            }
            if (sheets.isEmpty()) {
                throw new SpreadsheetException("工作簿中没有工作表");
            }
            return sheets;
        } catch (Refused e) {
            throw new SpreadsheetException(e.getMessage(), e.tooLarge);
        } catch (XMLStreamException | RuntimeException e) {
            throw new SpreadsheetException("无法解析 Excel 文件：" + e.getMessage(), e);
        }
    }

    /** A part broke one of the rules above: its message names the rule, and is what the caller sees. */
    private static final class Refused extends XMLStreamException {
        private static final long serialVersionUID = 1L;
        private final boolean tooLarge;

        Refused(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }
    }

    private static Refused exceeds(String what, long limit) {
        return new Refused("Excel 文件超出限制：" + what + "不得超过 " + limit, true);
    }

    private static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                out.add(seg);
            }
        }
        return String.join("/", out);
    }

    private static Map<String, byte[]> unzip(InputStream source, long maxBytes) throws SpreadsheetException {
        Map<String, byte[]> parts = new HashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(source, StandardCharsets.UTF_8)) {
            ZipEntry e;
            byte[] buf = new byte[8192];
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new SpreadsheetException("Excel 文件包含的部件过多");
                }
                String name = e.getName();
                boolean wanted = name.equals("xl/workbook.xml") || name.equals("xl/sharedStrings.xml")
                        || name.equals("xl/_rels/workbook.xml.rels") || name.startsWith("xl/worksheets/sheet");
                if (!wanted || e.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(buf)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw new SpreadsheetException("Excel 文件解压后超过 " + (maxBytes / 1024 / 1024) + " MB 上限");
                    }
                    bytes.write(buf, 0, n);
                }
                parts.put(name, bytes.toByteArray());
            }
        } catch (IOException ex) {
            throw new SpreadsheetException("不是有效的 Excel (.xlsx) 文件：" + ex.getMessage(), ex);
        }
        if (entries == 0) {
            throw new SpreadsheetException("不是有效的 Excel (.xlsx) 文件");
        }
        return parts;
    }

    /**
     * A parser that neither loads DTDs nor resolves external entities, and refuses a part that declares a document
     * type at all: no part of a workbook needs one, and an internal subset is where entity expansion attacks live.
     */
    private static XMLStreamReader parser(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return new StreamReaderDelegate(f.createXMLStreamReader(new java.io.ByteArrayInputStream(xml))) {
            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new Refused("Excel 文件不得包含 DOCTYPE 声明", false);
                }
                return event;
            }
        };
    }

    private static List<String> readSharedStrings(byte[] xml, Limits limits) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        XMLStreamReader r = parser(xml);
        StringBuilder current = null;
        boolean inPhonetic = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "si" -> current = new StringBuilder();
                    case "rPh" -> inPhonetic = true;
                    case "t" -> {
                        String text = r.getElementText();
                        if (current != null && !inPhonetic) {
                            current.append(text);
                        }
                    }
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("si") && current != null) {
                    if (out.size() >= limits.maxCells()) {
                        throw exceeds("共享字符串数", limits.maxCells());
                    }
                    out.add(current.toString());
                    current = null;
                } else if (r.getLocalName().equals("rPh")) {
                    inPhonetic = false;
                }
            }
        }
        return out;
    }

    private static Map<String, String> readRelationships(byte[] xml) throws XMLStreamException {
        Map<String, String> out = new HashMap<>();
        if (xml == null) {
            return out;
        }
        XMLStreamReader r = parser(xml);
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                out.put(r.getAttributeValue(null, "Id"), r.getAttributeValue(null, "Target"));
            }
        }
        return out;
    }

    /** Sheet name → relationship id, in workbook order. */
    private static Map<String, String> readSheetList(byte[] xml) throws XMLStreamException {
        Map<String, String> out = new LinkedHashMap<>();
        XMLStreamReader r = parser(xml);
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                out.put(r.getAttributeValue(null, "name"), r.getAttributeValue(NS_REL, "id"));
            }
        }
        return out;
    }

    /** One sheet's cells, checked against the limits as they are placed (see {@link Limits}). */
    private static final class Grid {
        final List<List<Object>> rows = new ArrayList<>();
        final Limits limits;
        long cells;

        Grid(Limits limits) {
            this.limits = limits;
        }

        void check(int row, int col) throws Refused {
            if (row >= limits.maxRows()) {
                throw exceeds("行数", limits.maxRows());
            }
            if (col < 0 || col >= limits.maxColumns()) {
                throw exceeds("列数", limits.maxColumns());
            }
        }

        Object get(int row, int col) {
            if (row >= rows.size()) {
                return null;
            }
            List<Object> r = rows.get(row);
            return col < r.size() ? r.get(col) : null;
        }

        void set(int row, int col, Object v) throws Refused {
            check(row, col);
            while (rows.size() <= row) {
                rows.add(new ArrayList<>());
            }
            List<Object> r = rows.get(row);
            if (r.size() <= col) {
                cells += col + 1 - r.size();
                if (cells > limits.maxCells()) {
                    throw exceeds("单元格总数", limits.maxCells());
                }
                while (r.size() <= col) {
                    r.add(null);
                }
            }
            r.set(col, v);
        }
    }

    private static List<List<Object>> readSheet(byte[] xml, List<String> sharedStrings, Limits limits) throws XMLStreamException {
        Grid grid = new Grid(limits);
        List<int[]> merges = new ArrayList<>();
        long mergedArea = 0;
        XMLStreamReader r = parser(xml);
        int rowIndex = -1;
        int nextColumn = 0;
        String ref = null;
        String type = null;
        String value = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String rAttr = r.getAttributeValue(null, "r");
                        rowIndex = rAttr != null ? Integer.parseInt(rAttr.trim()) - 1 : rowIndex + 1;
                        nextColumn = 0;
                    }
                    case "c" -> {
                        ref = r.getAttributeValue(null, "r");
                        type = r.getAttributeValue(null, "t");
                        value = null;
                    }
                    case "v" -> value = r.getElementText();
                    case "is" -> value = inlineText(r);
                    case "mergeCell" -> {
                        int[] m = parseRange(r.getAttributeValue(null, "ref"));
                        if (m != null) {
                            // the area is checked before anything of the range is filled in
                            mergedArea += ((long) m[2] - m[0] + 1) * ((long) m[3] - m[1] + 1);
                            if (mergedArea > limits.maxMergedCells()) {
                                throw exceeds("合并单元格的总面积", limits.maxMergedCells());
                            }
                            grid.check(m[2], m[3]);
                            merges.add(m);
                        }
                    }
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("c")) {
                int column = ref != null ? parseColumn(ref) : nextColumn;
                nextColumn = column + 1;
                Object cell = cellValue(type, value, sharedStrings);
                if (cell != null && rowIndex >= 0) {
                    grid.set(rowIndex, column, cell);
                }
            }
        }
        for (int[] m : merges) {
            Object v = grid.get(m[0], m[1]);
            if (v == null) {
                continue;
            }
            for (int row = m[0]; row <= m[2]; row++) {
                for (int col = m[1]; col <= m[3]; col++) {
                    if (grid.get(row, col) == null) {
                        grid.set(row, col, v);
                    }
                }
            }
        }
        List<List<Object>> rows = grid.rows;
        while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(c -> c == null || c.toString().isBlank())) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    private static String inlineText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (r.getLocalName().equals("t")) {
                    sb.append(r.getElementText());
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return sb.toString();
    }

    private static Object cellValue(String type, String value, List<String> sharedStrings) {
        if (value == null) {
            return null;
        }
        if ("s".equals(type)) {
            int i = Integer.parseInt(value.trim());
            return i >= 0 && i < sharedStrings.size() ? sharedStrings.get(i) : null;
        }
        if ("b".equals(type)) {
            return "1".equals(value.trim()) ? "TRUE" : "FALSE";
        }
        if (type == null || "n".equals(type)) {
            try {
                BigDecimal d = new BigDecimal(value.trim()).stripTrailingZeros();
                return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value; // inlineStr, str (formula result), e (error)
    }

    /** The 0-based column of a reference; beyond three letters (XFD is Excel's last) it is out of every limit. */
    static int parseColumn(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            if (i == 3) {
                return Integer.MAX_VALUE;
            }
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        return col - 1;
    }

    private static int parseRow(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        return Integer.parseInt(ref.substring(i)) - 1;
    }

    /** {firstRow, firstCol, lastRow, lastCol}, corners in order, or null for a malformed or empty reference. */
    private static int[] parseRange(String ref) {
        if (ref == null || !ref.contains(":")) {
            return null;
        }
        String[] ends = ref.split(":");
        if (ends.length != 2) {
            return null;
        }
        try {
            int r1 = parseRow(ends[0]);
            int c1 = parseColumn(ends[0]);
            int r2 = parseRow(ends[1]);
            int c2 = parseColumn(ends[1]);
            if (r1 < 0 || c1 < 0 || r2 < 0 || c2 < 0) {
                return null;
            }
            return new int[] {Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)};
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }
}
