package cn.supervision.duty.analysis.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * For each text nobody is meant to hold any more, the held text closest to it. Gap sources are few (the last
 * mandates of merged and abolished units, retired duties), so each is scored against every held text sharing any of
 * its terms, common ones included: the best holder is exact. The same unit may be the holder (a duty retired in one
 * revision and written anew in another).
 */
final class GapFinder {
    /** The closest held text ({@code -1} when none shares a term) and its cosine. */
    record Best(int source, int holder, double similarity) { }

    private GapFinder() {
    }

    static List<Best> find(TermVectors v, boolean[] source, boolean[] holder) {
        int n = v.size();
        int vocabulary = v.vocabulary.length;
        int[] length = new int[vocabulary];
        for (int d = 0; d < n; d++) {
            if (holder[d]) {
                for (int t : v.terms[d]) {
                    length[t]++;
                }
            }
        }
        int[][] postings = new int[vocabulary][];
        float[][] weights = new float[vocabulary][];
        for (int t = 0; t < vocabulary; t++) {
            postings[t] = new int[length[t]];
            weights[t] = new float[length[t]];
            length[t] = 0;
        }
        for (int d = 0; d < n; d++) {
            if (holder[d]) {
                for (int i = 0; i < v.terms[d].length; i++) {
                    int t = v.terms[d][i];
                    postings[t][length[t]] = d;
                    weights[t][length[t]++] = v.weights[d][i];
                }
            }
        }
        List<Best> best = new ArrayList<>();
        float[] score = new float[n];
        int[] touched = new int[n];
        for (int s = 0; s < n; s++) {
            if (!source[s]) {
                continue;
            }
            int count = 0;
            for (int i = 0; i < v.terms[s].length; i++) {
                int t = v.terms[s][i];
                float w = v.weights[s][i];
                for (int k = 0; k < postings[t].length; k++) {
                    int h = postings[t][k];
                    if (score[h] == 0) {
                        touched[count++] = h;
                    }
                    score[h] += w * weights[t][k];
                }
            }
            int top = -1;
            double topScore = 0;
            for (int k = 0; k < count; k++) {
                int h = touched[k];
                if (score[h] > topScore || (score[h] == topScore && top >= 0 && h < top)) {
                    top = h;
                    topScore = score[h];
                }
                score[h] = 0;
            }
            best.add(new Best(s, top, Math.min(1.0, topScore)));
        }
        return best;
    }
}
