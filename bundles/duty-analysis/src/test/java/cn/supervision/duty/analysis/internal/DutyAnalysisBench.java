package cn.supervision.duty.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.supervision.api.duty.DutyRef;

/**
 * Issue 14's figure: 1 000 units × 15 duties + 100 000 power-list items analysed in under 30 s on this 2-core
 * machine. The texts are generated from real words — two-character strings SmartChineseAnalyzer keeps whole, built
 * from the characters of the demo mandates — each unit writing about its own field (words drawn with a Zipf-like
 * skew, so some are everywhere and most are rare), 80 % of the items mapped to a duty, 1 duty in 20 copied into
 * another unit with a word changed, and 20 merged units whose duties are gap sources.
 * Run: mvn -o -q -pl bundles/duty-analysis test -P bench (figures in target/bench.txt).
 */
@Tag("bench")
class DutyAnalysisBench {
    static final int UNITS = 1_000;
    static final int DUTIES = 15;
    static final int ITEMS = 100_000;

    @Test
    void thousandUnitsFifteenDutiesAndAHundredThousandItems() throws IOException {
        List<String> words = vocabulary();
        Random random = new Random(14);
        List<AnalysisDoc> docs = new ArrayList<>();
        List<List<String>> topics = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            List<String> topic = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                topic.add(words.get(zipf(random, words.size())));
            }
            topics.add(topic);
        }
        String[][] dutyTexts = new String[UNITS][DUTIES];
        for (int u = 0; u < UNITS; u++) {
            for (int d = 0; d < DUTIES; d++) {
                dutyTexts[u][d] = "负责" + pick(random, topics.get(u), 6, "、") + "的监督管理工作，组织实施" + pick(random, topics.get(u), 2, "和") + "。";
            }
        }
        int planted = 0;
        for (int u = 0; u < UNITS; u++) {
            for (int d = 0; d < DUTIES; d += 20 / DUTIES + 1) {
                if (random.nextInt(20) == 0) {
                    int other = random.nextInt(UNITS);
                    dutyTexts[other][random.nextInt(DUTIES)] = dutyTexts[u][d].replace("组织实施", "指导" + words.get(random.nextInt(words.size())));
                    planted++;
                }
            }
        }
        Map<String, StringBuilder> withItems = new HashMap<>();
        long itemId = 0;
        List<AnalysisDoc> items = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            for (int i = 0; i < ITEMS / UNITS; i++) {
                String name = "对" + pick(random, topics.get(u), 3, "") + "的行政检查";
                itemId++;
                if (random.nextInt(5) > 0) {
                    withItems.computeIfAbsent(u + "#" + random.nextInt(DUTIES), k -> new StringBuilder()).append('\n').append(name);
                } else {
                    DutyRef ref = new DutyRef(u, "单位" + u, null, null, itemId, "X" + itemId, name);
                    items.add(new AnalysisDoc("I" + itemId, u, "U" + u, AnalysisDoc.Role.ITEM, ref, name));
                }
            }
        }
        for (int u = 0; u < UNITS; u++) {
            boolean merged = u % 50 == 7;
            for (int d = 0; d < DUTIES; d++) {
                long id = u * 100L + d + 1;
                StringBuilder mapped = withItems.get(u + "#" + d);
                DutyRef ref = new DutyRef(u, "单位" + u, id, d + 1, null, null, dutyTexts[u][d]);
                docs.add(new AnalysisDoc("D" + id, u, "U" + u, merged ? AnalysisDoc.Role.GAP_SOURCE : AnalysisDoc.Role.DUTY, ref,
                        dutyTexts[u][d], mapped == null ? null : mapped.toString()));
            }
        }
        docs.addAll(items);

        try (TermAnalyzer analyzer = new TermAnalyzer()) {
            DutyAnalyser analyser = new DutyAnalyser(analyzer);
            analyser.analyse(docs.subList(0, 2_000), AnalysisSettings.DEFAULTS); // warm the dictionaries and the JIT
            long started = System.nanoTime();
            DutyAnalyser.Result r = analyser.analyse(docs, AnalysisSettings.DEFAULTS);
            long millis = (System.nanoTime() - started) / 1_000_000;
            String figures = String.format("duty analysis bench: %d units x %d duties + %d items (%d texts, %d unmapped items, "
                            + "%d vocabulary words, %d planted copies) on %d cores: %d ms; %d overlaps, %d gaps, %d texts too short%n",
                    UNITS, DUTIES, ITEMS, docs.size(), items.size(), words.size(), planted,
                    Runtime.getRuntime().availableProcessors(), millis, r.overlaps().size(), r.gaps().size(), r.tooShort());
            System.out.print(figures);
            Files.writeString(Path.of("target/bench.txt"), figures);
            assertTrue(millis < 30_000, figures);
            assertTrue(r.overlaps().size() >= planted / 2, figures);
        }
    }

    /** Two-character words the segmenter keeps whole, from the 250 commonest characters of the demo mandates. */
    static List<String> vocabulary() throws IOException {
        Map<Character, Integer> counts = new HashMap<>();
        for (AnalysisDoc d : DemoMandates.docs()) {
            for (char c : d.text().toCharArray()) {
                if (Character.isIdeographic(c)) {
                    counts.merge(c, 1, Integer::sum);
                }
            }
        }
        List<Character> chars = counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(250)
                .map(Map.Entry::getKey).toList();
        Set<String> words = new LinkedHashSet<>();
        try (Analyzer analyzer = new SmartChineseAnalyzer()) {
            for (char a : chars) {
                for (char b : chars) {
                    String w = "" + a + b;
                    try (TokenStream ts = analyzer.tokenStream("w", w)) {
                        CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        if (ts.incrementToken() && t.toString().equals(w) && !ts.incrementToken()) {
                            words.add(w);
                        }
                        ts.end();
                    }
                }
            }
        }
        words.removeAll(TermAnalyzer.officeStopWords());
        return new ArrayList<>(words);
    }

    /** An index skewed towards the first words: rank r drawn with weight about 1/r. */
    static int zipf(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1)) - 1));
    }

    private static String pick(Random random, List<String> from, int count, String separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(separator);
            }
            b.append(from.get(random.nextInt(from.size())));
        }
        return b.toString();
    }
}
