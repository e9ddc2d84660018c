package cn.supervision.api.survey;

import java.util.List;

/**
 * Issue one-time tokens: either {@code count} anonymous tokens or one per recipient (for SMS). {@code unitId} binds
 * the tokens to one evaluated unit (e.g. a QR code at its service hall); {@code category} to a respondent category.
 */
public record TokenRequest(Integer count, Long unitId, String category, List<Recipient> recipients) {
    public TokenRequest {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Someone to send a token to; {@code category} overrides the request's. */
    public record Recipient(String name, String phone, String category) { }
}
