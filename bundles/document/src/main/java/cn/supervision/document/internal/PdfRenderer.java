package cn.supervision.document.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.lang.reflect.Field;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import cn.supervision.fonts.CjkFonts;

/**
 * XHTML to PDF with openhtmltopdf on PDFBox: A4, GB/T 9704 margins (top 37 mm, left 28 mm, right 26 mm, bottom 35 mm),
 * the bundled Noto faces embedded as subsets. Renders run one at a time and share the parsed faces.
 */
final class PdfRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(PdfRenderer.class);
    static final String CSS = """
            @page { size: A4; margin: 37mm 26mm 35mm 28mm;
              @bottom-center { content: "— " counter(page) " —"; font-family: 'Noto Serif SC'; font-size: 14pt; } }
            body { font-family: 'Noto Serif SC'; font-size: 16pt; line-height: 1.75; color: #000; }
            .red-header { color: #d40000; font-weight: 700; font-size: 26pt; text-align: center; line-height: 1.3;
              margin: 6mm 0 8mm 0; }
            .doc-number { text-align: center; text-indent: 0; margin: 0; }
            .issue { text-align: center; text-indent: 0; margin: 0; }
            hr.red-rule { border: 0; border-top: 1.5pt solid #d40000; margin: 2mm 0 10mm 0; height: 0; }
            h1 { font-weight: 700; font-size: 22pt; text-align: center; line-height: 1.5; margin: 0 0 8mm 0; }
            h2 { font-family: 'Noto Sans SC'; font-weight: 700; font-size: 16pt; margin: 3mm 0 1mm 0; }
            h3 { font-family: 'Noto Sans SC'; font-weight: 700; font-size: 16pt; margin: 2mm 0 0 0; }
            h1, h2, h3 { page-break-after: avoid; }
            tr { page-break-inside: avoid; }
            p { text-indent: 2em; margin: 0; }
            p.addressee, p.signature, p.date, p.seal, p.plain, td p, th p, li p { text-indent: 0; }
            p.signature, p.date { text-align: right; padding-right: 2em; }
            p.signature { margin-top: 12mm; }
            p.seal { text-align: right; padding-right: 4em; color: #d40000; }
            p.meta { text-indent: 0; font-size: 12pt; }
            table { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.45; margin: 2mm 0 4mm 0;
              -fs-table-paginate: paginate; }
            th, td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; }
            th { font-family: 'Noto Sans SC'; font-weight: 700; background-color: #f2f2f2; }
            td.num, th.num { text-align: right; }
            img { max-width: 100%; }
            img.chart { width: 150mm; }
            ul, ol { margin: 0 0 0 2em; padding: 0; }
            strong, b { font-family: 'Noto Sans SC'; font-weight: 700; }
            """;

    /**
     * Parsed faces, held softly. A parsed face costs about 40 MB of heap (PDFBox copies the 10-15 MB file, then the
     * glyf table, and expands the cmap into boxed maps), so they are parsed on the first render that uses them, not at
     * boot, and the collector may drop them when renders stop: a full collection clears a face unused for longer than
     * about a second per free megabyte of heap, and every soft face before running out of memory. The next render
     * parses it again (about 0.1-0.5 s for the three).
     */
    private final Map<CjkFonts.Face, SoftReference<TrueTypeFont>> faces = new EnumMap<>(CjkFonts.Face.class);

    PdfRenderer() {
        // openhtmltopdf registers PDFBox's standard 14 fonts with every renderer; without this PDFBox would scan the
        // operating system's fonts for them (writing a cache into the service account's home) and warn about a
        // fallback on every document. Our documents use only the bundled faces, which also stand in for those.
        FontMappers.set(new BundledFontMapper(this));
    }

    /** The face parsed from the bundled file, or the one still held from an earlier render. */
    TrueTypeFont face(CjkFonts.Face face) {
        synchronized (faces) {
            SoftReference<TrueTypeFont> held = faces.get(face);
            TrueTypeFont ttf = held == null ? null : held.get();
            if (ttf == null) {
                // parsed from the stream, not CjkFonts.bytes(face): the parser keeps its own copy of the file anyway
                try (InputStream in = face.open()) {
                    ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
                    preferUnifiedIdeographs(ttf);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                faces.put(face, new SoftReference<>(ttf));
            }
            return ttf;
        }
    }

    /** Whether a face is parsed and still held (for the tests). */
    boolean holds(CjkFonts.Face face) {
        synchronized (faces) {
            SoftReference<TrueTypeFont> held = faces.get(face);
            return held != null && held.get() != null;
        }
    }

    /** Maps every font PDFBox looks for to the bundled serif face: no system font scan, no fallback warnings. */
    private record BundledFontMapper(PdfRenderer renderer) implements FontMapper {
        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(serif(), false);
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(serif(), false);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
            return new CIDFontMapping(null, serif(), false);
        }

        private TrueTypeFont serif() {
            return renderer.face(CjkFonts.Face.SERIF_REGULAR);
        }
    }

    /** Embeds a face in the document the first time the layout asks for it: a render parses only the faces it uses. */
    private final class LazyFace extends PDFontSupplier {
        private final PDDocument pdf;
        private final CjkFonts.Face face;
        private PDFont font;

        LazyFace(PDDocument pdf, CjkFonts.Face face) {
            super(null);
            this.pdf = pdf;
            this.face = face;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = PDType0Font.load(pdf, face(face), true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }

    /**
     * The Noto faces map a Kangxi radical (U+2F00–U+2FDF), a CJK radical supplement (U+2E80–U+2EFF) or a compatibility
     * ideograph (U+F900–U+FAFF) to the same glyph as the unified ideograph (⼯ and 工), and PDFBox writes the lowest code
     * point of a glyph into the PDF's ToUnicode map: the text of 工作 would then be copied and searched as ⼯作. Dropping
     * those alternatives from the glyph-to-code side of the cmap (rendering still maps every character) makes the text
     * layer the characters that were written.
     */
    static void preferUnifiedIdeographs(TrueTypeFont ttf) throws IOException {
        CmapLookup lookup = ttf.getUnicodeCmapLookup();
        if (!(lookup instanceof CmapSubtable)) {
            return;
        }
        try {
            Field field = CmapSubtable.class.getDeclaredField("glyphIdToCharacterCodeMultiple");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Integer, List<Integer>> multiple = (Map<Integer, List<Integer>>) field.get(lookup);
            for (List<Integer> codes : multiple.values()) {
                if (codes.stream().anyMatch(c -> !alternative(c))) {
                    codes.removeIf(PdfRenderer::alternative);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("could not prefer unified ideographs in the PDF text layer ({}): copied text may show radicals", e.toString());
        }
    }

    private static boolean alternative(int c) {
        return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF);
    }

    /** Adds the style sheet to the document's head (made when missing). */
    static void style(Document doc) {
        Element html = doc.getDocumentElement();
        String ns = html.getNamespaceURI();
        Element head = null;
        for (Node c = html.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && "head".equals(Xhtml.name(c))) {
                head = (Element) c;
            }
        }
        if (head == null) {
            head = doc.createElementNS(ns, "head");
            html.insertBefore(head, html.getFirstChild());
        }
        Element style = doc.createElementNS(ns, "style");
        style.setAttribute("type", "text/css");
        style.setTextContent(CSS);
        head.appendChild(style);
    }

    /** The only external resources a document may use: PNG/JPEG data URIs (checked by {@link Xhtml}). */
    static boolean allowed(String uri, ExternalResourceType type) {
        boolean ok = uri != null && (uri.startsWith("data:image/png;") || uri.startsWith("data:image/jpeg;"));
        if (!ok) {
            LOG.warn("PDF renderer refused to load {} ({})", uri == null ? null : uri.substring(0, Math.min(uri.length(), 200)), type);
        }
        return ok;
    }

    synchronized byte[] render(Document xhtml, String title, String author) {
        style(xhtml);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            for (CjkFonts.Face face : CjkFonts.Face.values()) {
                builder.useFont(new LazyFace(pdf, face), face.family(), face.weight(), FontStyle.NORMAL, true);
            }
            // nothing is ever fetched: no file, jar or network URI, before or after resolution (images are data: URIs)
            builder.useExternalResourceAccessControl(PdfRenderer::allowed, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(PdfRenderer::allowed, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withW3cDocument(xhtml, "about:blank");
            builder.withProducer("supervision platform");
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
