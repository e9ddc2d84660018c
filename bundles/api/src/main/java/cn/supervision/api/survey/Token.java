package cn.supervision.api.survey;

import java.time.Instant;

/**
 * A one-time token. {@code value} (the secret in the link) is returned only when issued: the platform keeps its hash.
 * The recipient's name and phone are masked.
 */
public record Token(long id, long questionnaireId, String value, Long unitId, String category, String recipientName,
                    String recipientPhone, boolean used, Instant issuedAt, String issuedBy) { }
