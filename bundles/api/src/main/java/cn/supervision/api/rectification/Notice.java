package cn.supervision.api.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A rectification notice (整改通知) with its number 〔year〕N of the issuing office, items, visits and escalations. */
public record Notice(long id, String number, String jurisdictionCode, long unitId, String unitCode, String unitName,
                     LocalDate issuedOn, LocalDate deadline, String requiredEvidence, NoticeState state, LocalDate nextVisitOn,
                     List<Item> items, List<Visit> visits, List<Escalation> escalations, String issuedBy, Instant issuedAt) {
}
