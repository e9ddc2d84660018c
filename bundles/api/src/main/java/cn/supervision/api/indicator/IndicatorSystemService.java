package cn.supervision.api.indicator;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;
import java.util.Map;

import cn.supervision.api.security.Caller;

/**
 * Indicator systems: drafts, immutable published versions, retirement, copies, diffs, validation and the rule
 * tester. Scoped by the caller's authority like every domain service.
 */
@ProviderType
public interface IndicatorSystemService {

    /**
     * Systems of the jurisdictions the caller may see; {@code jurisdictionCode} and {@code status} filter when not
     * null.
     */
    List<IndicatorSystem> list(Caller caller, String jurisdictionCode, SystemStatus status);

    IndicatorSystem get(Caller caller, long id);

    IndicatorSystem createDraft(Caller caller, String jurisdictionCode, SystemDefinition definition);

    /** Replaces a draft's definition; a published or retired system is immutable (conflict). */
    IndicatorSystem updateDraft(Caller caller, long id, SystemDefinition definition);

    /**
     * Validates fully (CUSTOM rules must be present) and freezes the system; refused as invalid, with every problem,
     * when it is not.
     */
    IndicatorSystem publish(Caller caller, long id);

    IndicatorSystem retire(Caller caller, long id, String reason);

    /** A new draft with the same content, the next version of the same lineage, for {@code year} (null: same year). */
    IndicatorSystem copyToDraft(Caller caller, long id, Integer year);

    SystemDiff diff(Caller caller, long fromId, long toId);

    /** Dry run: every problem at once. Missing CUSTOM rules are warnings here, errors on publish. */
    List<ValidationProblem> validate(SystemDefinition definition);

    /**
     * Publishes a system contributed by a bundle under a stable {@code lineage}: nothing happens when the latest
     * version already has this content; otherwise a new version is published and the previous PUBLISHED one is
     * retired as superseded (campaigns that pinned it keep it). Returns the version now in force.
     */
    IndicatorSystem publishContributed(Caller caller, String jurisdictionCode, String lineage, SystemDefinition definition);

    /**
     * Retires every PUBLISHED or DRAFT version of the lineages starting with {@code lineagePrefix}; returns how many.
     */
    int retireLineages(Caller caller, String lineagePrefix, String reason);

    /** Every problem of a definition, as publishing would see them (missing CUSTOM rules are errors). */
    List<ValidationProblem> validateForPublication(SystemDefinition definition);

    /** What each category can contribute, in percent of the common base (for the city's policy). */
    Map<Category, java.math.BigDecimal> categoryShares(SystemDefinition definition);

    /** The rule tester: scores the inputs (by indicator or adjustment code) for one unit. No campaign is needed. */
    Evaluation evaluate(Caller caller, long id, Map<String, IndicatorInput> inputs);

    /**
     * Scores many units with one system: the system is read and validated once. Keys of {@code inputsByUnit} are the
     * caller's own (e.g. unit ids); the answer has the same keys. An input a rule cannot read fails the whole call
     * (invalid).
     */
    <K> Map<K, Evaluation> evaluateAll(Caller caller, long id, Map<K, Map<String, IndicatorInput>> inputsByUnit);

    /**
     * The definition as one unit sees it: every duty-driven leaf ({@link DutyPart}) expanded into one child per
     * matching duty of {@code duties} (ACTIVE ones; order by number). Pure: the same duties give the same leaves.
     */
    SystemDefinition expandForDuties(SystemDefinition definition, List<cn.supervision.api.registry.DutyRecord> duties);

    /**
     * As {@link #evaluateAll(Caller, long, Map)}, each unit scored against the system expanded for its own duties
     * ({@code dutiesByUnit}; a unit absent there has none, its duty-driven leaves stay unexpanded).
     */
    <K> Map<K, Evaluation> evaluateAll(Caller caller, long id, Map<K, Map<String, IndicatorInput>> inputsByUnit,
                                       Map<K, List<cn.supervision.api.registry.DutyRecord>> dutiesByUnit);

    /**
     * The system read, authorised and validated now, to score units one at a time later (conflict when it has errors,
     * as for {@link #evaluateAll(Caller, long, Map)}). This default scores through {@code evaluateAll}, reading the
     * system each time; the platform's service validates once.
     */
    default PreparedSystem prepare(Caller caller, long id) {
        SystemDefinition definition = get(caller, id).definition();
        IndicatorSystemService service = this;
        return new PreparedSystem() {
            @Override
            public long id() {
                return id;
            }

            @Override
            public SystemDefinition definition() {
                return definition;
            }

            @Override
            public Evaluation evaluate(Map<String, IndicatorInput> inputs) {
                return service.evaluateAll(caller, id, Map.of(0, inputs)).get(0);
            }

            @Override
            public Evaluation evaluate(Map<String, IndicatorInput> inputs, List<cn.supervision.api.registry.DutyRecord> duties) {
                return duties == null || duties.isEmpty() ? evaluate(inputs)
                        : service.evaluateAll(caller, id, Map.of(0, inputs), Map.of(0, duties)).get(0);
            }
        };
    }
}
