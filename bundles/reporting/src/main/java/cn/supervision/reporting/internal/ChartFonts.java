package cn.supervision.reporting.internal;

import java.awt.Font;

/**
 * Where the chart painter gets a face that has the Chinese glyphs of its labels. The platform's one is the CJK font
 * bundle's ({@code cn.supervision.fonts}); the machine's own fonts are not relied on (a headless server usually has no
 * Chinese face, and Java2D would draw boxes).
 */
public interface ChartFonts {

    /** A face of the given style ({@link Font#PLAIN}, {@link Font#BOLD}) and size in points that displays Chinese. */
    Font font(int style, float size);
}
