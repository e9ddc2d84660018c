package cn.supervision.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Chinese faces the platform embeds in its PDF documents and draws its charts with: Noto Serif SC regular (body
 * text, standing in for 仿宋_GB2312), Noto Serif SC bold (titles, for 方正小标宋简体) and Noto Sans SC bold (headings,
 * for 黑体), all under the SIL Open Font License 1.1 (text in {@link #licence()}). The faces are TrueType (glyf) files,
 * so PDF libraries can subset and embed them.
 *
 * <p>Java2D use: {@code g.setFont(CjkFonts.awtFont(Font.PLAIN, 12f))}. The parsed AWT fonts are cached; the first
 * call parses the file (about a second). AWT is switched to headless mode unless the JVM already chose.
 */
public final class CjkFonts {

    /** One face: its family name (as the file declares it), weight (CSS) and bundled file. */
    public enum Face {
        SERIF_REGULAR("Noto Serif SC", 400, "400Regular/NotoSerifSC_400Regular.ttf"),
        SERIF_BOLD("Noto Serif SC", 700, "700Bold/NotoSerifSC_700Bold.ttf"),
        SANS_BOLD("Noto Sans SC", 700, "700Bold/NotoSansSC_700Bold.ttf");

        private final String family;
        private final int weight;
        private final String resource;

        Face(String family, int weight, String resource) {
            this.family = family;
            this.weight = weight;
            this.resource = resource;
        }

        public String family() {
            return family;
        }

        public int weight() {
            return weight;
        }

        public boolean bold() {
            return weight >= 700;
        }

        /** The TrueType file; the caller closes the stream. */
        public InputStream open() {
            InputStream in = CjkFonts.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("font file missing from the bundle: " + resource);
            }
            return in;
        }
    }

    public static final String SERIF_FAMILY = "Noto Serif SC";
    public static final String SANS_FAMILY = "Noto Sans SC";

    private static final Map<Face, byte[]> BYTES = new EnumMap<>(Face.class);
    private static final Map<Face, Font> AWT = new EnumMap<>(Face.class);

    private CjkFonts() {
    }

    /** The face's file content (cached, shared: do not modify the array). */
    public static byte[] bytes(Face face) {
        synchronized (BYTES) {
            return BYTES.computeIfAbsent(face, f -> {
                try (InputStream in = f.open()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A Java2D font: {@link Font#PLAIN} is the serif regular face, {@link Font#BOLD} the sans bold (黑体-like) one. */
    public static Font awtFont(int style, float size) {
        return awtFont((style & Font.BOLD) != 0 ? Face.SANS_BOLD : Face.SERIF_REGULAR, size);
    }

    public static Font awtFont(Face face, float size) {
        Font base;
        synchronized (AWT) {
            base = AWT.get(face);
            if (base == null) {
                if (System.getProperty("java.awt.headless") == null) {
                    System.setProperty("java.awt.headless", "true");
                }
                try (InputStream in = face.open()) {
                    base = Font.createFont(Font.TRUETYPE_FONT, in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (FontFormatException e) {
                    throw new IllegalStateException("unreadable font " + face, e);
                }
                AWT.put(face, base);
            }
        }
        return base.deriveFont(size);
    }

    /** The licence texts of the bundled faces (SIL OFL 1.1 with each family's copyright line). */
    public static String licence() {
        StringBuilder text = new StringBuilder();
        for (String family : new String[] {"NotoSerifSC", "NotoSansSC"}) {
            try (InputStream in = CjkFonts.class.getResourceAsStream("/META-INF/fonts/" + family + "/LICENSE_FONT")) {
                if (in == null) {
                    throw new IllegalStateException("licence missing from the bundle: " + family);
                }
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
