package cn.supervision.api.survey;

import java.time.Instant;

/** One access to unmasked personal data: who, when, what and why. */
public record AccessRecord(long id, long questionnaireId, String username, Instant at, String subject, String reason) { }
