package cn.supervision.duty.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OverlapFinderTest {

    /** A random corpus with a few words everywhere (they get skipped) and many rare ones. */
    static List<List<String>> corpus(Random random, int docs) {
        List<List<String>> out = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                words.add(random.nextInt(3) == 0 ? "common" + random.nextInt(4) : "w" + random.nextInt(300));
            }
            out.add(words);
        }
        return out;
    }

    @Test
    void theIndexFindsExactlyThePairsAllPairsWouldAmongThoseSharingAnIndexedTerm() {
        Random random = new Random(7);
        List<List<String>> docs = corpus(random, 400);
        TermVectors v = TermVectors.of(docs);
        long[] unit = new long[docs.size()];
        boolean[] peer = new boolean[docs.size()];
        for (int d = 0; d < docs.size(); d++) {
            unit[d] = d / 5;
            peer[d] = d % 17 != 0;
        }
        int maxDf = 20;
        Set<String> found = new HashSet<>();
        for (OverlapFinder.Match m : OverlapFinder.find(v, unit, peer, 0.3, maxDf)) {
            assertTrue(unit[m.a()] != unit[m.b()] && peer[m.a()] && peer[m.b()] && m.a() < m.b());
            assertEquals(v.cosine(m.a(), m.b()), m.similarity(), 1e-9);
            found.add(m.a() + "-" + m.b());
        }
        Set<String> expected = new HashSet<>();
        for (int a = 0; a < docs.size(); a++) {
            for (int b = a + 1; b < docs.size(); b++) {
                if (peer[a] && peer[b] && unit[a] != unit[b] && v.cosine(a, b) >= 0.3 && sharesRareTerm(v, a, b, maxDf, peer)) {
                    expected.add(a + "-" + b);
                }
            }
        }
        assertTrue(expected.size() > 20, "the corpus makes pairs: " + expected.size());
        assertEquals(expected, found);
    }

    private static boolean sharesRareTerm(TermVectors v, int a, int b, int maxDf, boolean[] peer) {
        Set<Integer> ta = new HashSet<>();
        for (int t : v.terms[a]) {
            ta.add(t);
        }
        for (int t : v.terms[b]) {
            if (ta.contains(t)) {
                int df = 0;
                for (int d = 0; d < v.size(); d++) {
                    if (peer[d] && java.util.Arrays.binarySearch(v.terms[d], t) >= 0) {
                        df++;
                    }
                }
                if (df <= maxDf) {
                    return true;
                }
            }
        }
        return false;
    }
}
