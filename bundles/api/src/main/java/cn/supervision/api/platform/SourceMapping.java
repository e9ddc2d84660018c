package cn.supervision.api.platform;

/**
 * Maps a department as a source system names it ({@code sourceKey}: its name or code there) to a unit of the registry.
 * Rows naming neither a unit code nor a mapped key are rejected, never guessed.
 */
public record SourceMapping(String jurisdictionCode, String sourceSystem, String sourceKey, long unitId, String unitName) { }
