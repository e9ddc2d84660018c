package cn.supervision.reporting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ChartPainterTest {

    @Test
    void barsAreAsHighAsTheirCountsAndTheFaceHasTheChineseGlyphs() throws Exception {
        ChartFonts fonts = new NotoChartFonts();
        assertEquals(-1, fonts.font(Font.PLAIN, 20f).canDisplayUpTo("得分等次分布优秀良好较差单位数"));
        assertEquals(-1, fonts.font(Font.BOLD, 26f).canDisplayUpTo("得分等次分布"));
        byte[] png = new ChartPainter(fonts).png("得分等次分布", List.of(new ChartPainter.Bar("优秀", 6), new ChartPainter.Bar("较差", 2)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int first = barHeight(image, 90 + (ChartPainter.WIDTH - 40 - 90) / 4);
        int second = barHeight(image, 90 + 3 * (ChartPainter.WIDTH - 40 - 90) / 4);
        assertTrue(first > 0 && second > 0, first + " " + second);
        assertEquals(3.0, (double) first / second, 0.05);
        int textPixels = 0;
        for (int x = 0; x < ChartPainter.WIDTH; x++) {
            for (int y = 10; y < 60; y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    textPixels++;
                }
            }
        }
        assertTrue(textPixels > 500, "the title is drawn: " + textPixels);
    }

    /** Pixels of the column below the axis' top that are neither white, grid grey nor black text. */
    private static int barHeight(BufferedImage image, int x) {
        int h = 0;
        for (int y = 90; y < ChartPainter.HEIGHT - 80; y++) {
            int rgb = image.getRGB(x, y) & 0xFFFFFF;
            int r = rgb >> 16;
            int g = (rgb >> 8) & 0xFF;
            int b = rgb & 0xFF;
            if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                h++;
            }
        }
        return h;
    }

    @Test
    void axisStepsStayReadable() {
        assertEquals(1, ChartPainter.niceStep(5));
        assertEquals(2, ChartPainter.niceStep(12));
        assertEquals(5, ChartPainter.niceStep(30));
        assertEquals(100, ChartPainter.niceStep(700));
    }
}
