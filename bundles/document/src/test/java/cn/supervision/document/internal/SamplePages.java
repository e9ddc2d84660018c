package cn.supervision.document.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import cn.supervision.api.document.DocumentKind;
import cn.supervision.fonts.CjkFonts;

/**
 * Renders the first page of the built-in 整改通知书 (red header) and 监管工作报告 (with a chart drawn in Java2D with the
 * bundled faces) from the sample models, as PDF and as PNG, into the folder given (docs/documents). Run with
 * {@code mvn -o -q -pl bundles/document test-compile exec:java} (see the README's Documents section).
 */
public final class SamplePages {
    private SamplePages() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "docs/documents");
        Files.createDirectories(out);
        Templates templates = new Templates();
        PdfRenderer pdf = new PdfRenderer();
        Map<String, Object> notice = SampleModels.of(DocumentKind.RECTIFICATION_NOTICE);
        Map<String, Object> report = new java.util.LinkedHashMap<>(SampleModels.common(DocumentKind.CAMPAIGN_REPORT));
        report.putAll(SampleModels.campaignReport(40, chart()));
        write(out, "rectification-notice", pdf, templates, DocumentKind.RECTIFICATION_NOTICE, notice);
        write(out, "campaign-report", pdf, templates, DocumentKind.CAMPAIGN_REPORT, report);
    }

    private static void write(Path out, String name, PdfRenderer renderer, Templates templates, DocumentKind kind,
                              Map<String, Object> model) throws IOException {
        String text = templates.builtin(kind);
        String xhtml = Templates.render(templates.compile(JpaTemplateRegistry.sha256(text.getBytes(StandardCharsets.UTF_8)), text), model);
        byte[] bytes;
        try {
            bytes = renderer.render(Xhtml.parse(xhtml), (String) model.get("title"), (String) model.get("issuingOffice"));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
        if (Boolean.getBoolean("pages.pdf")) {
            Files.write(out.resolve(name + ".pdf"), bytes); // to look at every page (pdftoppm, a viewer)
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 80, ImageType.RGB);
            ImageIO.write(page, "png", out.resolve(name + ".png").toFile());
            System.out.println(out.resolve(name + ".png") + ": " + doc.getNumberOfPages() + " pages, " + bytes.length + " bytes PDF");
        }
    }

    /** A grade distribution bar chart with Chinese labels, drawn with {@link CjkFonts#awtFont(int, float)}. */
    static String chart() throws IOException {
        List<String> grades = List.of("优秀", "良好", "合格", "不合格");
        int[] counts = {31, 64, 27, 6};
        BufferedImage img = new BufferedImage(720, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 720, 300);
        g.setColor(Color.BLACK);
        g.setFont(CjkFonts.awtFont(Font.BOLD, 20f));
        g.drawString("评估等次分布（单位数）", 250, 30);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(80, 260, 680, 260);
        g.setFont(CjkFonts.awtFont(Font.PLAIN, 16f));
        for (int i = 0; i < grades.size(); i++) {
            int h = counts[i] * 3;
            int x = 120 + i * 140;
            g.setColor(new Color(0xC0, 0x39, 0x2B));
            g.fillRect(x, 260 - h, 70, h);
            g.setColor(Color.BLACK);
            g.drawString(grades.get(i), x + 35 - g.getFontMetrics().stringWidth(grades.get(i)) / 2, 284);
            g.drawString(String.valueOf(counts[i]), x + 35 - g.getFontMetrics().stringWidth(String.valueOf(counts[i])) / 2, 252 - h);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
