package cn.supervision.api.indicator;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import cn.supervision.api.registry.DutyRecord;

/**
 * One system version read, authorised and validated once, ready to score unit after unit. A published version never
 * changes, so a holder may keep one for as long as it scores against that version.
 */
@ProviderType
public interface PreparedSystem {

    long id();

    SystemDefinition definition();

    /** Scores one unit's inputs (by indicator or adjustment code); an input a rule cannot read fails (invalid). */
    Evaluation evaluate(Map<String, IndicatorInput> inputs);

    /** As {@link #evaluate(Map)}, against the system expanded for the unit's own duties (none: unexpanded). */
    Evaluation evaluate(Map<String, IndicatorInput> inputs, List<DutyRecord> duties);
}
