package cn.supervision.api.document;

import java.time.Instant;

/**
 * Which template file a jurisdiction's documents use: {@code file} is {@code office.json} or a kind's
 * {@link DocumentKind#templateFile()} ({@code kind} null for office.json); {@code source} is {@code builtin} (or
 * {@code derived} for an office.json made from the jurisdiction's name) or the contribution bundle that installed it,
 * {@code sourceJurisdictionCode} the jurisdiction it was installed for (the own one or a superior), null when built in.
 */
public record TemplateInForce(DocumentKind kind, String file, String source, String sourceJurisdictionCode,
                              String sha256, Instant installedAt) {
}
