package cn.supervision.api.indicator;

import java.util.List;
import java.util.Map;

import cn.supervision.api.security.Caller;

/**
 * Indicator systems: drafts, immutable published versions, retirement, copies, diffs, validation and the rule
 * tester. Scoped by the caller's authority like every domain service.
 */
public interface IndicatorSystemService {

    /** Systems of the jurisdictions the caller may see; {@code jurisdictionCode} and {@code status} filter when not null. */
    List<IndicatorSystem> list(Caller caller, String jurisdictionCode, SystemStatus status);

    IndicatorSystem get(Caller caller, long id);

    IndicatorSystem createDraft(Caller caller, String jurisdictionCode, SystemDefinition definition);

    /** Replaces a draft's definition; a published or retired system is immutable (409). */
    IndicatorSystem updateDraft(Caller caller, long id, SystemDefinition definition);

    /** Validates fully (CUSTOM rules must be present) and freezes the system; 400 with every problem when invalid. */
    IndicatorSystem publish(Caller caller, long id);

    IndicatorSystem retire(Caller caller, long id, String reason);

    /** A new draft with the same content, the next version of the same lineage, for {@code year} (null: same year). */
    IndicatorSystem copyToDraft(Caller caller, long id, Integer year);

    SystemDiff diff(Caller caller, long fromId, long toId);

    /** Dry run: every problem at once. Missing CUSTOM rules are warnings here, errors on publish. */
    List<ValidationProblem> validate(SystemDefinition definition);

    /** The rule tester: scores the inputs (by indicator or adjustment code) for one unit. No campaign is needed. */
    Evaluation evaluate(Caller caller, long id, Map<String, IndicatorInput> inputs);
}
