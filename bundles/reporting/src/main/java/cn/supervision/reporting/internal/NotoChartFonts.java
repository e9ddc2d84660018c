package cn.supervision.reporting.internal;

import java.awt.Font;

import cn.supervision.fonts.CjkFonts;

/** The platform's bundled Noto SC faces (bundle {@code supervision-fonts}): serif for labels, sans bold for titles. */
public class NotoChartFonts implements ChartFonts {

    @Override
    public Font font(int style, float size) {
        return CjkFonts.awtFont(style, size);
    }
}
