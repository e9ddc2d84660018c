package cn.supervision.api.survey;

/** The unmasked personal data of one response or token, read by an authorised office user (audited). */
public record Respondent(long questionnaireId, Long responseId, Long tokenId, String name, String phone) { }
