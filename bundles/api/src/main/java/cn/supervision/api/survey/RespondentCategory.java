package cn.supervision.api.survey;

/** A kind of respondent (企业、群众、人大代表…) with an optional quota of responses. */
public record RespondentCategory(String code, String label, Integer quota) { }
