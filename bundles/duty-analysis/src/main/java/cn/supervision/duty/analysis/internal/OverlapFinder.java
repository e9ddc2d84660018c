package cn.supervision.duty.analysis.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Pairs of texts of different units whose cosine reaches the threshold, without comparing every text with every
 * other: an inverted index over the terms generates the candidates, each pair once (the later text meets the earlier
 * one in the postings). Terms in more than {@link AnalysisSettings#maxDocFrequency} texts are left out of the index —
 * their postings would make the work quadratic — so a candidate's accumulated score misses what they add. That part
 * is at most the smaller of the two vectors' norms over those terms (Cauchy–Schwarz, the vectors being unit length),
 * so a candidate whose score plus that bound reaches the threshold gets its exact cosine and none is lost that shares
 * a rarer term.
 */
final class OverlapFinder {
    /** Two texts' indexes in the corpus, {@code a < b}, and their cosine. */
    record Match(int a, int b, double similarity) { }

    private OverlapFinder() {
    }

    /** {@code unit[d]}: the unit of text d; {@code peer[d]}: whether text d takes part. */
    static List<Match> find(TermVectors v, long[] unit, boolean[] peer, double threshold, int maxDocFrequency) {
        int n = v.size();
        int vocabulary = v.vocabulary.length;
        int[] postingsLength = new int[vocabulary];
        for (int d = 0; d < n; d++) {
            if (peer[d]) {
                for (int t : v.terms[d]) {
                    postingsLength[t]++;
                }
            }
        }
        boolean[] indexed = new boolean[vocabulary];
        int[][] postings = new int[vocabulary][];
        float[][] postingWeights = new float[vocabulary][];
        for (int t = 0; t < vocabulary; t++) {
            indexed[t] = postingsLength[t] > 1 && postingsLength[t] <= maxDocFrequency;
            postings[t] = indexed[t] ? new int[postingsLength[t]] : null;
            postingWeights[t] = indexed[t] ? new float[postingsLength[t]] : null;
            postingsLength[t] = 0;
        }
        double[] unindexedNorm = new double[n];
        for (int d = 0; d < n; d++) {
            if (!peer[d]) {
                continue;
            }
            double rest = 0;
            for (int i = 0; i < v.terms[d].length; i++) {
                int t = v.terms[d][i];
                if (indexed[t]) {
                    postings[t][postingsLength[t]] = d;
                    postingWeights[t][postingsLength[t]++] = v.weights[d][i];
                } else {
                    rest += (double) v.weights[d][i] * v.weights[d][i];
                }
            }
            unindexedNorm[d] = Math.sqrt(rest);
        }
        ConcurrentLinkedQueue<Match> found = new ConcurrentLinkedQueue<>();
        ThreadLocal<float[]> scores = ThreadLocal.withInitial(() -> new float[n]);
        ThreadLocal<int[]> touchedBuffer = ThreadLocal.withInitial(() -> new int[n]);
        IntStream.range(0, n).parallel().filter(d -> peer[d]).forEach(a -> {
            float[] score = scores.get();
            int[] touched = touchedBuffer.get();
            int count = 0;
            int[] terms = v.terms[a];
            for (int i = 0; i < terms.length; i++) {
                int t = terms[i];
                if (!indexed[t]) {
                    continue;
                }
                float w = v.weights[a][i];
                int[] p = postings[t];
                float[] pw = postingWeights[t];
                // postings are in text order: only the texts after a, so each pair is met once
                for (int k = p.length - 1; k >= 0 && p[k] > a; k--) {
                    int b = p[k];
                    if (unit[b] == unit[a]) {
                        continue;
                    }
                    if (score[b] == 0) {
                        touched[count++] = b;
                    }
                    score[b] += w * pw[k];
                }
            }
            for (int k = 0; k < count; k++) {
                int b = touched[k];
                double bound = score[b] + Math.min(unindexedNorm[a], unindexedNorm[b]);
                score[b] = 0;
                if (bound >= threshold - 1e-6) {
                    double cosine = v.cosine(a, b);
                    if (cosine >= threshold) {
                        found.add(new Match(a, b, cosine));
                    }
                }
            }
        });
        List<Match> matches = new ArrayList<>(found);
        matches.sort(Comparator.comparingDouble(Match::similarity).reversed()
                .thenComparingInt(Match::a).thenComparingInt(Match::b));
        return matches;
    }
}
