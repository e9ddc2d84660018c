package cn.supervision.api.followup;

import java.math.BigDecimal;

/**
 * Which results of a published campaign become findings: every leaf scoring below {@code belowShare} of its maximum
 * (e.g. 0.6), every triggered veto, every unit whose duty and corroboration views are flagged as not corroborating.
 */
public record GenerationRule(BigDecimal belowShare, boolean vetoes, boolean gapFlags) {
}
