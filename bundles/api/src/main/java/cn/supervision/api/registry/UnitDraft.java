package cn.supervision.api.registry;

/**
 * What a caller supplies to create or replace a unit. The parent unit may be given by id or, in bulk
 * imports where ids are not known yet, by its code within the same jurisdiction.
 */
public record UnitDraft(String code, String name, String shortName, UnitKind kind, Long parentUnitId,
                        String parentUnitCode, Mandate mandate) {
}
