package cn.supervision.api.indicator;

/**
 * How scores roll up. POINTS: every node's weight is its maximum points and children's maxima sum to their
 * parent's. PERCENT: leaves score 0–100 and every node's weight is its percentage share of its parent
 * (siblings sum to 100); the total is Σ leaf × w(leaf) × w(parent) × … scaled to the base maximum.
 */
public enum Aggregation {
    POINTS, PERCENT
}
