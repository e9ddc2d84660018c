package cn.supervision.api.survey;

/** DRAFT (editable) → OPEN (answers accepted; definition frozen) → CLOSED (no more answers). */
public enum QuestionnaireState { DRAFT, OPEN, CLOSED }
