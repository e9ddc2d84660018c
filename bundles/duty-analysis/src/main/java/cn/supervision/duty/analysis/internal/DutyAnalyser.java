package cn.supervision.duty.analysis.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import cn.supervision.api.duty.ProposalKind;

/**
 * The analysis itself, free of storage and authority: texts in, candidate overlaps and gaps out. Every text is cut
 * into terms (in parallel; segmentation is most of the time), weighted over the whole corpus, then active texts of
 * different units are paired ({@link OverlapFinder}) and every gap source looks for its closest holder
 * ({@link GapFinder}). A text whose own wording has fewer than {@code minTerms} distinct terms is left out.
 */
public final class DutyAnalyser {
    /**
     * A proposal before it is stored. {@code key} is its unique key: the two texts' keys in order for an overlap, the
     * gap source's key for a gap. {@code second} is null for a gap nothing comes close to.
     */
    public record Candidate(ProposalKind kind, String key, AnalysisDoc first, AnalysisDoc second, double similarity,
                            List<String> sharedTerms) { }

    /** The candidates, most similar overlaps first, and how many texts had too few terms to be analysed. */
    public record Result(List<Candidate> overlaps, List<Candidate> gaps, int analysed, int tooShort) { }

    private final TermAnalyzer analyzer;

    public DutyAnalyser(TermAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Result analyse(List<AnalysisDoc> docs, AnalysisSettings settings) {
        List<List<String>> terms = docs.parallelStream().map(d -> analyzer.terms(d.text())).toList();
        List<List<String>> context = docs.parallelStream().map(d -> analyzer.terms(d.context())).toList();
        int n = docs.size();
        List<List<String>> kept = new ArrayList<>(n);
        List<List<String>> keptContext = new ArrayList<>(n);
        boolean[] peer = new boolean[n];
        boolean[] holder = new boolean[n];
        boolean[] source = new boolean[n];
        long[] unit = new long[n];
        int tooShort = 0;
        for (int d = 0; d < n; d++) {
            AnalysisDoc doc = docs.get(d);
            unit[d] = doc.unitId();
            if (new HashSet<>(terms.get(d)).size() < settings.minTerms()) {
                kept.add(List.of());
                keptContext.add(List.of());
                tooShort++;
                continue;
            }
            kept.add(terms.get(d));
            keptContext.add(context.get(d));
            peer[d] = doc.role() != AnalysisDoc.Role.GAP_SOURCE;
            holder[d] = doc.role() == AnalysisDoc.Role.DUTY;
            source[d] = doc.role() == AnalysisDoc.Role.GAP_SOURCE;
        }
        TermVectors v = TermVectors.of(kept, keptContext, settings.contextWeight());
        List<Candidate> overlaps = new ArrayList<>();
        for (OverlapFinder.Match m : OverlapFinder.find(v, unit, peer, settings.overlapThreshold(),
                settings.maxDocFrequency(n))) {
            AnalysisDoc a = docs.get(m.a());
            AnalysisDoc b = docs.get(m.b());
            boolean inOrder = a.key().compareTo(b.key()) < 0;
            AnalysisDoc first = inOrder ? a : b;
            AnalysisDoc second = inOrder ? b : a;
            overlaps.add(new Candidate(ProposalKind.OVERLAP, overlapKey(first.key(), second.key()), first, second,
                    m.similarity(), v.sharedTerms(m.a(), m.b(), settings.sharedTerms())));
        }
        List<Candidate> gaps = new ArrayList<>();
        for (GapFinder.Best b : GapFinder.find(v, source, holder)) {
            if (b.similarity() >= settings.gapThreshold()) {
                continue;
            }
            AnalysisDoc gone = docs.get(b.source());
            AnalysisDoc closest = b.holder() < 0 ? null : docs.get(b.holder());
            gaps.add(new Candidate(ProposalKind.GAP, gapKey(gone.key()), gone, closest, b.similarity(),
                    closest == null ? List.of() : v.sharedTerms(b.source(), b.holder(), settings.sharedTerms())));
        }
        return new Result(overlaps, gaps, n - tooShort, tooShort);
    }

    static String overlapKey(String first, String second) {
        return "O:" + first + "|" + second;
    }

    static String gapKey(String source) {
        return "G:" + source;
    }
}
