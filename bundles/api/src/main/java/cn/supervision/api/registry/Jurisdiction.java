package cn.supervision.api.registry;

/**
 * A jurisdiction identified by its GB/T 2260 code (e.g. 370500 Dongying city), or by a local code
 * registered under its parent when it has none (development zones).
 */
public record Jurisdiction(String code, String name, JurisdictionKind kind, String parentCode, boolean localCode) {
}
