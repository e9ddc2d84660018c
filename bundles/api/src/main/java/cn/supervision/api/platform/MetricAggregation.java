package cn.supervision.api.platform;

/** How a metric's rows of one unit and period combine: counts add up, rates average. */
public enum MetricAggregation { SUM, MEAN, MIN, MAX, COUNT }
