package cn.supervision.api.registry;

/** Administrative level of a jurisdiction. Development zones have no GB/T 2260 code of their own. */
public enum JurisdictionKind {
    PROVINCE, CITY, DISTRICT, COUNTY, DEVELOPMENT_ZONE
}
