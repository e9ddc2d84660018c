package cn.supervision.fonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;

import org.junit.jupiter.api.Test;

class CjkFontsTest {

    @Test
    void everyFaceIsATrueTypeFileThatDrawsChinese() {
        for (CjkFonts.Face face : CjkFonts.Face.values()) {
            byte[] bytes = CjkFonts.bytes(face);
            // TrueType outlines (glyf), not CFF: sfnt version 0x00010000
            assertEquals(0x00010000, ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8)
                    | (bytes[3] & 0xff), face.name());
            Font font = CjkFonts.awtFont(face, 12f);
            assertEquals(-1, font.canDisplayUpTo("东营市机构编制委员会办公室 整改通知书〔2026〕"), face.name());
            assertEquals(face.family(), font.getFamily(java.util.Locale.ROOT), face.name());
        }
        assertEquals(CjkFonts.Face.SANS_BOLD.family(), CjkFonts.awtFont(Font.BOLD, 10f).getFamily(java.util.Locale.ROOT));
    }

    @Test
    void theLicenceShipsWithTheFaces() {
        String licence = CjkFonts.licence();
        assertTrue(licence.contains("SIL OPEN FONT LICENSE Version 1.1"), licence);
        assertTrue(licence.contains("Adobe"), "the Sans SC copyright line");
    }
}
