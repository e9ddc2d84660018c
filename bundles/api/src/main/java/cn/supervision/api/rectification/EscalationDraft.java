package cn.supervision.api.rectification;

import java.time.LocalDate;

/** 约谈: date, participants and minutes; 通报批评: date and the text of the notice (in {@code minutes}); why, always. */
public record EscalationDraft(EscalationKind kind, LocalDate date, String participants, String minutes, String reason) {
}
