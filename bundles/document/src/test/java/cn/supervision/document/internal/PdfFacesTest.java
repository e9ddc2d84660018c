package cn.supervision.document.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.fonts.CjkFonts.Face;

/** The faces cost about 40 MB of heap each once parsed: a renderer parses only those a document uses, when it does. */
class PdfFacesTest {
    private static final String NS = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>";

    @Test
    void aRendererParsesNoFaceBeforeItsFirstRenderAndThenOnlyTheFacesTheDocumentUses() throws Exception {
        PdfRenderer renderer = new PdfRenderer();
        for (Face face : Face.values()) {
            assertFalse(renderer.holds(face), face + " parsed before any render");
        }

        byte[] body = renderer.render(Xhtml.parse(NS + "<p>东营市机构编制委员会办公室</p></body></html>"), "t", "a");
        assertTrue(DocumentServiceTest.pdfText(body).contains("东营市机构编制委员会办公室"));
        assertEquals(Set.of("NotoSerifSC-Regular"), baseNames(body));
        assertTrue(renderer.holds(Face.SERIF_REGULAR));
        assertFalse(renderer.holds(Face.SERIF_BOLD), "no bold text in the document");
        assertFalse(renderer.holds(Face.SANS_BOLD), "no heading in the document");

        byte[] headed = renderer.render(Xhtml.parse(NS + "<h1>整改通知书</h1><h2>一、问题</h2><p>正文</p></body></html>"), "t", "a");
        assertEquals(Set.of("NotoSerifSC-Regular", "NotoSerifSC-Bold", "NotoSansSC-Bold"), baseNames(headed));
        for (Face face : Face.values()) {
            assertTrue(renderer.holds(face), face.name());
        }
    }

    @Test
    void aFaceIsParsedOnceAndSharedByLaterRenders() {
        PdfRenderer renderer = new PdfRenderer();
        assertSame(renderer.face(Face.SANS_BOLD), renderer.face(Face.SANS_BOLD));
    }

    /** Embedded subsets are named {@code ABCDEF+NotoSerifSC-Regular}: the face names without the subset tag. */
    private static Set<String> baseNames(byte[] pdf) throws Exception {
        Set<String> names = new java.util.TreeSet<>();
        for (String name : DocumentServiceTest.embeddedFonts(pdf)) {
            names.add(name.substring(name.indexOf('+') + 1));
        }
        return names;
    }
}
