package cn.supervision.reporting.internal;

import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.indicator.Evaluation.NodeScore;

/** The scored leaves of an evaluation's indicator tree, depth first (the order of the system). */
final class Leaves {
    private Leaves() {
    }

    static List<NodeScore> of(List<NodeScore> nodes) {
        List<NodeScore> out = new ArrayList<>();
        collect(nodes, out);
        return out;
    }

    private static void collect(List<NodeScore> nodes, List<NodeScore> out) {
        for (NodeScore n : nodes) {
            if (n.children() == null || n.children().isEmpty()) {
                out.add(n);
            } else {
                collect(n.children(), out);
            }
        }
    }
}
