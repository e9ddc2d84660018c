package cn.supervision.duty.analysis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of a corpus, L2-normalised so that a dot product is the cosine. Term frequency is sublinear
 * (1 + ln tf: a mandate repeating 机构编制 four times is not four times about it); idf is ln(1 + N/df). Each vector is
 * kept sparse, its term ids ascending, so two vectors meet in one merge.
 */
final class TermVectors {
    final String[] vocabulary;
    final int[] documentFrequency;
    final int[][] terms;
    final float[][] weights;

    private TermVectors(String[] vocabulary, int[] documentFrequency, int[][] terms, float[][] weights) {
        this.vocabulary = vocabulary;
        this.documentFrequency = documentFrequency;
        this.terms = terms;
        this.weights = weights;
    }

    static TermVectors of(List<List<String>> documents) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        int n = documents.size();
        int[][] terms = new int[n][];
        int[][] counts = new int[n][];
        for (int d = 0; d < n; d++) {
            Map<Integer, Integer> tf = new HashMap<>();
            for (String t : documents.get(d)) {
                int id = ids.computeIfAbsent(t, k -> {
                    vocabulary.add(k);
                    return vocabulary.size() - 1;
                });
                tf.merge(id, 1, Integer::sum);
            }
            int[] ts = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] cs = new int[ts.length];
            for (int i = 0; i < ts.length; i++) {
                cs[i] = tf.get(ts[i]);
            }
            terms[d] = ts;
            counts[d] = cs;
        }
        int[] df = new int[vocabulary.size()];
        for (int[] ts : terms) {
            for (int t : ts) {
                df[t]++;
            }
        }
        float[][] weights = new float[n][];
        for (int d = 0; d < n; d++) {
            float[] w = new float[terms[d].length];
            double norm = 0;
            for (int i = 0; i < w.length; i++) {
                double idf = Math.log(1 + (double) n / df[terms[d][i]]);
                w[i] = (float) ((1 + Math.log(counts[d][i])) * idf);
                norm += (double) w[i] * w[i];
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < w.length; i++) {
                w[i] *= scale;
            }
            weights[d] = w;
        }
        return new TermVectors(vocabulary.toArray(String[]::new), df, terms, weights);
    }

    int size() {
        return terms.length;
    }

    /** The cosine of two documents' vectors. */
    double cosine(int a, int b) {
        int[] ta = terms[a];
        int[] tb = terms[b];
        double sum = 0;
        for (int i = 0, j = 0; i < ta.length && j < tb.length; ) {
            if (ta[i] == tb[j]) {
                sum += (double) weights[a][i++] * weights[b][j++];
            } else if (ta[i] < tb[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Math.min(1.0, sum);
    }

    /** The common terms that weigh most in the cosine of {@code a} and {@code b}, heaviest first. */
    List<String> sharedTerms(int a, int b, int limit) {
        int[] ta = terms[a];
        int[] tb = terms[b];
        List<double[]> shared = new ArrayList<>();
        for (int i = 0, j = 0; i < ta.length && j < tb.length; ) {
            if (ta[i] == tb[j]) {
                shared.add(new double[] {ta[i], (double) weights[a][i++] * weights[b][j++]});
            } else if (ta[i] < tb[j]) {
                i++;
            } else {
                j++;
            }
        }
        double[][] sorted = shared.toArray(double[][]::new);
        Arrays.sort(sorted, (x, y) -> Double.compare(y[1], x[1]));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sorted.length && i < limit; i++) {
            names.add(vocabulary[(int) sorted[i][0]]);
        }
        return names;
    }
}
