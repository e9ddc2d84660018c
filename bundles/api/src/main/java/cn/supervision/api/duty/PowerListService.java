package cn.supervision.api.duty;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.security.Caller;

/**
 * Power and responsibility lists (权责清单), one current list per unit. Reading: {@code Operation.READ_REGISTRY} on the
 * unit; importing: {@code ADMINISTER_REGISTRY} on the unit's jurisdiction.
 */
@ProviderType
public interface PowerListService {

    /**
     * Replaces the unit's current list with these rows, all or nothing. Every row is checked first: blank code or
     * name, a code twice in the list, an unknown type or a duty-only type, a duty number the unit's active mandate
     * lacks, an implementing body that is another unit (or a unit of another jurisdiction): refused as invalid, naming
     * each row and its reason (field {@code 第N行}), nothing written. At most 5 000 rows.
     */
    PowerListImport importList(Caller caller, long unitId, String fileName, List<PowerItemDraft> rows);

    /**
     * Checks rows exactly as {@link #importList} would and writes nothing: every reason, as {@code importList}'s
     * invalid-input refusal would name it (empty: the rows would be accepted). The unit is the one of {@code unitCode}
     * in the jurisdiction; {@code pending} is that unit as an import about to be applied will make it (its names,
     * internal bodies and duty numbers are checked against), or null to check against the unit as registered. Authority
     * as for importing; not found when the unit is neither registered nor pending, conflict when the registered unit is
     * not active. Added for contributions, which must know every reason before they write anything.
     */
    default List<FieldError> check(Caller caller, String jurisdictionCode, String unitCode, UnitDraft pending,
                                   List<PowerItemDraft> rows) {
        throw new UnsupportedOperationException(getClass().getName() + " does not check power lists without importing");
    }

    /** The unit's items: current ones, or every version ever imported when {@code includeSuperseded}. */
    List<PowerItem> items(Caller caller, long unitId, boolean includeSuperseded);

    /** The current items of every unit of one jurisdiction (not its children). */
    List<PowerItem> itemsOf(Caller caller, String jurisdictionCode);

    /** The unit's imports, newest first. */
    List<PowerListImport> imports(Caller caller, long unitId);

    /** Current items mapped to no duty, and active duties no current item implements. */
    PowerListGaps gaps(Caller caller, long unitId);
}
