package cn.supervision.duty.analysis.internal;

/**
 * The analysis' knobs (etc/cn.supervision.dutyanalysis.cfg). {@code overlapThreshold}: cosine from which two units'
 * texts are proposed as an overlap. {@code gapThreshold}: a gap source whose best holder stays below it is proposed
 * as a gap. A term found in more than {@code maxDocShare} of the texts (and in more than {@code maxDocFloor} texts)
 * generates no candidate pairs: it is as common as the office's own words, and pairing through it is quadratic.
 * {@code minTerms}: a text with fewer distinct terms (完成交办的其他任务) is not analysed. {@code sharedTerms}: how many
 * terms a proposal shows. {@code contextWeight}: how much a duty's item names weigh beside its own wording (each part
 * normalised first, so thirty items do not drown two lines of mandate).
 */
public record AnalysisSettings(double overlapThreshold, double gapThreshold, double maxDocShare, int maxDocFloor,
                               int minTerms, int sharedTerms, double contextWeight) {

    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(0.35, 0.30, 0.02, 50, 2, 5, 0.5);

    public AnalysisSettings {
        if (overlapThreshold <= 0 || overlapThreshold > 1 || gapThreshold <= 0 || gapThreshold > 1) {
            throw new IllegalArgumentException("thresholds must lie in (0, 1]");
        }
        if (maxDocShare <= 0 || maxDocShare > 1 || maxDocFloor < 1 || minTerms < 1 || sharedTerms < 1) {
            throw new IllegalArgumentException("maxDocShare in (0, 1], maxDocFloor, minTerms and sharedTerms at least 1");
        }
        if (contextWeight < 0 || contextWeight > 1) {
            throw new IllegalArgumentException("contextWeight must lie in [0, 1]");
        }
    }

    /** The same settings with another overlap threshold. */
    public AnalysisSettings withOverlapThreshold(double threshold) {
        return new AnalysisSettings(threshold, gapThreshold, maxDocShare, maxDocFloor, minTerms, sharedTerms, contextWeight);
    }

    /** The same settings with another context weight. */
    public AnalysisSettings withContextWeight(double weight) {
        return new AnalysisSettings(overlapThreshold, gapThreshold, maxDocShare, maxDocFloor, minTerms, sharedTerms, weight);
    }

    /** The document frequency above which a term pairs nothing, for a corpus of {@code docs} texts. */
    int maxDocFrequency(int docs) {
        return Math.max(maxDocFloor, (int) Math.ceil(maxDocShare * docs));
    }
}
