package cn.supervision.reporting.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws the grade distribution of a report as a bar chart PNG with Java2D (headless): one bar per grade with its count
 * above it and the grade's name below, a title and a count axis. The labels are Chinese, drawn with a face of
 * {@link ChartFonts}.
 */
public class ChartPainter {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final Color[] BARS = {new Color(0x1F5FAD), new Color(0x2E8B57), new Color(0xC8A02C), new Color(0xD2691E),
            new Color(0xB22222), new Color(0x6A5ACD), new Color(0x708090)};

    /** One bar. */
    public record Bar(String label, int count) { }

    private final ChartFonts fonts;

    public ChartPainter(ChartFonts fonts) {
        this.fonts = fonts;
    }

    /** The chart as a {@code data:image/png;base64,…} URI, for a template's {@code <img src>}. */
    public String dataUri(String title, List<Bar> bars) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(title, bars));
    }

    /** The chart's PNG bytes. */
    public byte[] png(String title, List<Bar> bars) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Font titleFont = fonts.font(Font.BOLD, 26f);
            Font labelFont = fonts.font(Font.PLAIN, 20f);
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            centered(g, title, WIDTH / 2, 44);

            int left = 90;
            int right = WIDTH - 40;
            int top = 90;
            int bottom = HEIGHT - 80;
            int max = Math.max(1, bars.stream().mapToInt(Bar::count).max().orElse(0));
            int step = niceStep(max);
            int axisMax = ((max + step - 1) / step) * step;

            g.setFont(labelFont);
            FontMetrics fm = g.getFontMetrics();
            g.setStroke(new BasicStroke(1f));
            for (int v = 0; v <= axisMax; v += step) {
                int y = bottom - (int) Math.round((double) v * (bottom - top) / axisMax);
                g.setColor(new Color(0xDDDDDD));
                g.drawLine(left, y, right, y);
                g.setColor(Color.DARK_GRAY);
                String s = Integer.toString(v);
                g.drawString(s, left - 10 - fm.stringWidth(s), y + fm.getAscent() / 2 - 2);
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(left, bottom, right, bottom);
            g.drawLine(left, top, left, bottom);

            int n = Math.max(1, bars.size());
            double slot = (double) (right - left) / n;
            int barWidth = (int) Math.min(120, slot * 0.6);
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                int cx = left + (int) Math.round(slot * i + slot / 2);
                int h = (int) Math.round((double) bar.count() * (bottom - top) / axisMax);
                g.setColor(BARS[i % BARS.length]);
                g.fillRect(cx - barWidth / 2, bottom - h, barWidth, h);
                g.setColor(Color.BLACK);
                centered(g, Integer.toString(bar.count()), cx, bottom - h - 8);
                centered(g, bar.label(), cx, bottom + fm.getAscent() + 10);
            }
            g.setColor(Color.DARK_GRAY);
            centered(g, "单位数", left, top - 16);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void centered(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    /** 1, 2, 5, 10, 20, 50 … so that the axis has at most about eight lines. */
    static int niceStep(int max) {
        int step = 1;
        while (max / step > 8) {
            int s = Integer.toString(step).charAt(0) == '2' ? step / 2 * 5 : step * 2;
            step = s;
        }
        return step;
    }
}
