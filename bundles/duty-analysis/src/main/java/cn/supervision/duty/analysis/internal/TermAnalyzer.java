package cn.supervision.duty.analysis.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Chinese text to the terms that say what a duty is about. Lucene's SmartChineseAnalyzer (HMM segmentation over its
 * own dictionaries) cuts the text into words; then the office's stop list ({@code office-stopwords.txt}: 负责, 组织,
 * 监督, 管理, 全市 … the words of every mandate) goes. Words the dictionary lacks come out as single characters: a run
 * of adjacent ones (工/单, 抽/检, 减/排) is joined back into one term, since a lone character (的, 和, 市) says nothing.
 * Numbers of three digits or more stay (12345 and 12315 name hotlines). Thread-safe: Lucene keeps one token stream
 * per thread.
 */
public final class TermAnalyzer implements AutoCloseable {
    /** Single characters that end a run instead of joining it: function words and the levels of government. */
    static final String FUNCTION_CHARS = "的和与及并或等按对在中为以将把由向从于其之各有是了也不所被含即可市县区省乡镇";
    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final Set<String> stopWords;

    public TermAnalyzer() {
        this(officeStopWords());
    }

    TermAnalyzer(Set<String> stopWords) {
        this.stopWords = Set.copyOf(stopWords);
    }

    /** The office stop list shipped with the bundle. */
    static Set<String> officeStopWords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = TermAnalyzer.class.getResourceAsStream("office-stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("office-stopwords.txt missing from the bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#")) {
                    for (String w : line.trim().split("\\s+")) {
                        if (!w.isEmpty()) {
                            words.add(w);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    Set<String> stopWords() {
        return stopWords;
    }

    /** The terms of {@code text} in order, repeated as often as they occur. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        StringBuilder run = new StringBuilder();
        int runEnd = -1;
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String word = term.toString();
                boolean single = word.length() == 1 && Character.isIdeographic(word.codePointAt(0))
                        && FUNCTION_CHARS.indexOf(word.charAt(0)) < 0;
                if (single && (run.length() == 0 || offset.startOffset() == runEnd)) {
                    run.append(word);
                    runEnd = offset.endOffset();
                    continue;
                }
                flush(run, terms);
                if (single) {
                    run.append(word);
                    runEnd = offset.endOffset();
                } else {
                    add(word, terms);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush(run, terms);
        return terms;
    }

    private void flush(StringBuilder run, List<String> terms) {
        if (run.length() > 1) {
            add(run.toString(), terms);
        }
        run.setLength(0);
    }

    private void add(String word, List<String> terms) {
        if (word.length() < 2 || stopWords.contains(word)) {
            return;
        }
        boolean digits = word.chars().allMatch(Character::isDigit);
        boolean ascii = word.chars().allMatch(c -> c < 128);
        if ((digits && word.length() < 3) || (ascii && !digits && word.length() < 2)) {
            return;
        }
        terms.add(word);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
