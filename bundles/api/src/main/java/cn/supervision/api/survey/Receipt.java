package cn.supervision.api.survey;

import java.time.Instant;

/** What a respondent gets back: the response number and time, nothing about other respondents. */
public record Receipt(long responseId, long questionnaireId, Instant submittedAt) { }
