package cn.supervision.document.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The same XHTML to DOCX with POI XWPF, for offices to revise in Word or WPS: A4 with GB/T 9704 margins, body in
 * 三号仿宋_GB2312, title in 二号方正小标宋简体, headings in 黑体, the red issuing-office header and red rule, tables and
 * images (the charts' data URIs). Font names are the ones Chinese office machines have; Latin text uses Times New Roman.
 */
final class DocxRenderer {
    static final String FANGSONG = "仿宋_GB2312";
    static final String XIAOBIAOSONG = "方正小标宋简体";
    static final String HEITI = "黑体";
    static final String KAITI = "楷体_GB2312";
    static final String LATIN = "Times New Roman";
    static final String RED = "D40000";
    /** Text width: 210 − 28 − 26 mm. */
    static final double TEXT_WIDTH_MM = 156;

    /** How one paragraph's runs look. */
    private record Look(String font, double size, boolean bold, String color) {
        Look emphasised() {
            return new Look(font, size, true, color);
        }
    }

    private static final Look BODY = new Look(FANGSONG, 16, false, null);
    private static final Look TABLE = new Look(FANGSONG, 10.5, false, null);

    byte[] render(Document xhtml, String title, String author) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // xmlbeans finds its schema type system through the context class loader
        thread.setContextClassLoader(DocxRenderer.class.getClassLoader());
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024)) {
            page(docx);
            docx.getProperties().getCoreProperties().setTitle(title);
            docx.getProperties().getCoreProperties().setCreator(author);
            Element body = child(xhtml.getDocumentElement(), "body");
            if (body != null) {
                blocks(docx, body);
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void page(XWPFDocument docx) {
        CTSectPr sect = docx.getDocument().getBody().isSetSectPr() ? docx.getDocument().getBody().getSectPr()
                : docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(twips(37)));
        mar.setBottom(BigInteger.valueOf(twips(35)));
        mar.setLeft(BigInteger.valueOf(twips(28)));
        mar.setRight(BigInteger.valueOf(twips(26)));
        mar.setHeader(BigInteger.valueOf(twips(15)));
        mar.setFooter(BigInteger.valueOf(twips(28)));
    }

    private static long twips(double mm) {
        return Math.round(mm * 1440 / 25.4);
    }

    private static Element child(Element parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && name.equals(Xhtml.name(c))) {
                return (Element) c;
            }
        }
        return null;
    }

    private static boolean hasClass(Element e, String cls) {
        return (" " + e.getAttribute("class") + " ").contains(" " + cls + " ");
    }

    /** Block-level content of a container (body, div, section, li, td). */
    private void blocks(XWPFDocument docx, Element container) {
        List<Node> inline = new ArrayList<>();
        for (Node c = container.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && isBlock((Element) c)) {
                flushInline(docx, inline);
                block(docx, (Element) c);
            } else if (c.getNodeType() == Node.ELEMENT_NODE || c.getNodeType() == Node.TEXT_NODE
                    || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                inline.add(c);
            }
        }
        flushInline(docx, inline);
    }

    private static boolean isBlock(Element e) {
        return switch (Xhtml.name(e)) {
            case "div", "section", "p", "h1", "h2", "h3", "hr", "table", "ul", "ol" -> true;
            default -> false;
        };
    }

    private void flushInline(XWPFDocument docx, List<Node> inline) {
        boolean content = inline.stream().anyMatch(n -> n.getNodeType() == Node.ELEMENT_NODE || !n.getTextContent().isBlank());
        if (content) {
            XWPFParagraph p = docx.createParagraph();
            p.setIndentationFirstLine(640);
            for (Node n : inline) {
                inline(p, n, BODY);
            }
        }
        inline.clear();
    }

    private void block(XWPFDocument docx, Element e) {
        String name = Xhtml.name(e);
        switch (name) {
            case "div", "section" -> {
                if (hasClass(e, "red-header")) {
                    XWPFParagraph p = docx.createParagraph();
                    p.setAlignment(ParagraphAlignment.CENTER);
                    p.setSpacingBefore(240);
                    p.setSpacingAfter(360);
                    inlines(p, e, new Look(XIAOBIAOSONG, 26, false, RED));
                } else {
                    blocks(docx, e);
                }
            }
            case "p" -> paragraph(docx, e);
            case "h1" -> {
                XWPFParagraph p = docx.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setSpacingAfter(360);
                inlines(p, e, new Look(XIAOBIAOSONG, 22, false, null));
            }
            case "h2" -> {
                XWPFParagraph p = docx.createParagraph();
                p.setSpacingBefore(120);
                inlines(p, e, new Look(HEITI, 16, false, null));
            }
            case "h3" -> {
                XWPFParagraph p = docx.createParagraph();
                inlines(p, e, new Look(KAITI, 16, true, null));
            }
            case "hr" -> {
                XWPFParagraph p = docx.createParagraph();
                CTBorder bottom = p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetPBdr()
                        ? p.getCTP().getPPr().getPBdr().addNewBottom()
                        : (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewPBdr().addNewBottom();
                bottom.setVal(STBorder.SINGLE);
                bottom.setSz(BigInteger.valueOf(hasClass(e, "red-rule") ? 12 : 6));
                bottom.setColor(hasClass(e, "red-rule") ? RED : "000000");
                p.setSpacingAfter(240);
            }
            case "table" -> table(docx, e);
            case "ul", "ol" -> {
                int n = 0;
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() == Node.ELEMENT_NODE && "li".equals(Xhtml.name(c))) {
                        n++;
                        XWPFParagraph p = docx.createParagraph();
                        p.setIndentationLeft(640);
                        text(p, name.equals("ol") ? n + ". " : "• ", BODY);
                        inlines(p, (Element) c, BODY);
                    }
                }
            }
            default -> inlines(docx.createParagraph(), e, BODY);
        }
    }

    private void paragraph(XWPFDocument docx, Element e) {
        XWPFParagraph p = docx.createParagraph();
        Look look = BODY;
        if (hasClass(e, "doc-number") || hasClass(e, "issue")) {
            p.setAlignment(ParagraphAlignment.CENTER);
        } else if (hasClass(e, "signature") || hasClass(e, "date")) {
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setIndentationRight(640);
            if (hasClass(e, "signature")) {
                p.setSpacingBefore(480);
            }
        } else if (hasClass(e, "seal")) {
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setIndentationRight(1280);
            look = new Look(FANGSONG, 16, false, RED);
        } else if (hasClass(e, "meta")) {
            look = new Look(FANGSONG, 12, false, null);
        } else if (!hasClass(e, "addressee") && !hasClass(e, "plain")) {
            p.setIndentationFirstLine(640);
        }
        inlines(p, e, look);
    }

    private void table(XWPFDocument docx, Element e) {
        List<Element> rows = new ArrayList<>();
        collectRows(e, rows);
        if (rows.isEmpty()) {
            return;
        }
        XWPFTable table = docx.createTable();
        table.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = i == 0 ? table.getRow(0) : table.createRow();
            int j = 0;
            boolean header = false;
            for (Node c = rows.get(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                Element cellElement = (Element) c;
                boolean th = "th".equals(Xhtml.name(cellElement));
                header |= th;
                XWPFTableCell cell = j < row.getTableCells().size() ? row.getCell(j) : row.addNewTableCell();
                XWPFParagraph p = cell.getParagraphs().get(0);
                if (hasClass(cellElement, "num")) {
                    p.setAlignment(ParagraphAlignment.RIGHT);
                }
                String span = cellElement.getAttribute("colspan");
                if (!span.isEmpty() && !span.equals("1")) {
                    (cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr())
                            .addNewGridSpan().setVal(new BigInteger(span));
                }
                inlines(p, cellElement, th ? new Look(HEITI, 10.5, false, null) : TABLE);
                j++;
            }
            if (header) {
                row.setRepeatHeader(true);
            }
        }
        docx.createParagraph();
    }

    private static void collectRows(Element e, List<Element> rows) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                String n = Xhtml.name(c);
                if (n.equals("tr")) {
                    rows.add((Element) c);
                } else if (n.equals("thead") || n.equals("tbody")) {
                    collectRows((Element) c, rows);
                }
            }
        }
    }

    private void inlines(XWPFParagraph p, Element e, Look look) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            inline(p, c, look);
        }
    }

    private void inline(XWPFParagraph p, Node n, Look look) {
        switch (n.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                String text = n.getNodeValue().replaceAll("\\s+", " ");
                if (p.getRuns().isEmpty()) {
                    text = text.stripLeading();
                }
                if (!text.isEmpty()) {
                    text(p, text, look);
                }
            }
            case Node.ELEMENT_NODE -> {
                Element e = (Element) n;
                switch (Xhtml.name(e)) {
                    case "br" -> p.createRun().addBreak();
                    case "strong", "b" -> inlines(p, e, look.emphasised());
                    case "img" -> image(p, e);
                    case "p", "div", "section", "li" -> {
                        // block inside a cell or list item: keep it in the same paragraph, separated by a line break
                        if (!p.getRuns().isEmpty()) {
                            p.createRun().addBreak();
                        }
                        inlines(p, e, look);
                    }
                    default -> inlines(p, e, look);
                }
            }
            default -> { }
        }
    }

    private static void text(XWPFParagraph p, String text, Look look) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(LATIN, FontCharRange.ascii);
        run.setFontFamily(LATIN, FontCharRange.hAnsi);
        run.setFontFamily(look.font(), FontCharRange.eastAsia);
        run.setFontSize(look.size());
        if (look.bold()) {
            run.setBold(true);
        }
        if (look.color() != null) {
            run.setColor(look.color());
        }
    }

    private static void image(XWPFParagraph p, Element e) {
        String src = e.getAttribute("src");
        int comma = src.indexOf(',');
        if (!src.startsWith("data:image/") || comma < 0) {
            return;
        }
        byte[] bytes = Base64.getMimeDecoder().decode(src.substring(comma + 1));
        boolean png = src.startsWith("data:image/png");
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                return;
            }
            double widthMm = img.getWidth() * 25.4 / 96;
            double heightMm = img.getHeight() * 25.4 / 96;
            double max = hasClass(e, "chart") ? 150 : TEXT_WIDTH_MM;
            if (widthMm > max) {
                heightMm = heightMm * max / widthMm;
                widthMm = max;
            }
            p.setAlignment(ParagraphAlignment.CENTER);
            p.createRun().addPicture(new ByteArrayInputStream(bytes), png ? PictureType.PNG : PictureType.JPEG,
                    png ? "chart.png" : "image.jpg", (int) Math.round(widthMm * Units.EMU_PER_CENTIMETER / 10),
                    (int) Math.round(heightMm * Units.EMU_PER_CENTIMETER / 10));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e2) {
            throw new IllegalStateException("图片无法写入 DOCX", e2);
        }
    }
}
