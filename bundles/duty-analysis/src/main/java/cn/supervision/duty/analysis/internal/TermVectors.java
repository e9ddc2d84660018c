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
        return of(documents, documents.stream().map(d -> List.<String>of()).toList(), 0);
    }

    /**
     * {@code context.get(d)} is read with document d at {@code contextWeight}: each part's TF-IDF vector is normalised,
     * the context's scaled, the sum normalised again.
     */
    static TermVectors of(List<List<String>> documents, List<List<String>> context, double contextWeight) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        int n = documents.size();
        List<Map<Integer, Integer>> own = new ArrayList<>(n);
        List<Map<Integer, Integer>> read = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            own.add(counts(documents.get(d), ids, vocabulary));
            read.add(counts(context.get(d), ids, vocabulary));
        }
        int[] df = new int[vocabulary.size()];
        int[][] terms = new int[n][];
        float[][] weights = new float[n][];
        for (int d = 0; d < n; d++) {
            Map<Integer, Integer> o = own.get(d);
            Map<Integer, Integer> c = read.get(d);
            int[] ts = java.util.stream.IntStream.concat(o.keySet().stream().mapToInt(Integer::intValue),
                    c.keySet().stream().mapToInt(Integer::intValue)).distinct().sorted().toArray();
            for (int t : ts) {
                df[t]++;
            }
            terms[d] = ts;
        }
        for (int d = 0; d < n; d++) {
            double[] ownPart = part(terms[d], own.get(d), df, n);
            double[] contextPart = part(terms[d], read.get(d), df, n);
            float[] w = new float[terms[d].length];
            double norm = 0;
            for (int i = 0; i < w.length; i++) {
                double x = ownPart[i] + contextWeight * contextPart[i];
                w[i] = (float) x;
                norm += x * x;
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            int kept = 0;
            for (int i = 0; i < w.length; i++) {
                // a context term read at weight 0 is no term of the vector: the finders rely on every weight being positive
                if (w[i] > 0) {
                    terms[d][kept] = terms[d][i];
                    w[kept++] = w[i] * scale;
                }
            }
            terms[d] = Arrays.copyOf(terms[d], kept);
            weights[d] = Arrays.copyOf(w, kept);
        }
        return new TermVectors(vocabulary.toArray(String[]::new), df, terms, weights);
    }

    private static Map<Integer, Integer> counts(List<String> words, Map<String, Integer> ids, List<String> vocabulary) {
        Map<Integer, Integer> tf = new HashMap<>();
        for (String t : words) {
            int id = ids.computeIfAbsent(t, k -> {
                vocabulary.add(k);
                return vocabulary.size() - 1;
            });
            tf.merge(id, 1, Integer::sum);
        }
        return tf;
    }

    /** One part's normalised TF-IDF weights, aligned with {@code terms} (zero where the part lacks the term). */
    private static double[] part(int[] terms, Map<Integer, Integer> tf, int[] df, int n) {
        double[] w = new double[terms.length];
        if (tf.isEmpty()) {
            return w;
        }
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            Integer count = tf.get(terms[i]);
            if (count != null) {
                w[i] = (1 + Math.log(count)) * Math.log(1 + (double) n / df[terms[i]]);
                norm += w[i] * w[i];
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= Math.sqrt(norm);
        }
        return w;
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
