package cn.supervision.report.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.report.ReportSection;
import cn.supervision.api.report.ReportState;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportDraft;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.report.internal.model.ReportEventEntity;
import cn.supervision.report.internal.model.SpecialReportEntity;

/**
 * The office drafts a report and rewrites it while it is {@link Workflow#EDITABLE}: the draft is checked and its links
 * resolved by {@link DraftChecker} before anything is written, then stored with its sections and links as JSON and an
 * event.
 */
final class Drafting {
    // the service's logger, so the log configuration that watched the drafts before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaSpecialReportService.class);

    private final JpaTemplate jpa;
    private final ReportAccess access;
    private final DraftChecker drafts;
    private final Rows rows;
    private final Values values;
    private final StoredJson json;
    private final ReportClock clock;

    Drafting(JpaTemplate jpa, ReportAccess access, DraftChecker drafts, Rows rows, Values values, StoredJson json,
             ReportClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.drafts = drafts;
        this.rows = rows;
        this.values = values;
        this.json = json;
        this.clock = clock;
    }

    SpecialReport create(Caller caller, String jurisdictionCode, SpecialReportDraft draft) {
        access.require(caller, Operation.MANAGE_SPECIAL_REPORTS, jurisdictionCode);
        Links links = drafts.check(caller, jurisdictionCode, draft);
        long now = clock.millis();
        SpecialReport saved = jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = new SpecialReportEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setState(ReportState.DRAFT);
            e.setCreatedBy(caller.username());
            e.setCreatedAt(now);
            fill(e, draft, links, caller, now);
            em.persist(e);
            em.flush();
            em.persist(new ReportEventEntity(e.getId(), null, ReportState.DRAFT, "CREATED", caller.username(), now, null));
            return values.report(em, e);
        });
        LOG.info("Special report #{} drafted for {} by {}", saved.id(), jurisdictionCode, caller.username());
        return saved;
    }

    SpecialReport update(Caller caller, long id, SpecialReportDraft draft) {
        SpecialReportEntity current = rows.load(id);
        access.require(caller, Operation.MANAGE_SPECIAL_REPORTS, current.getJurisdictionCode());
        Workflow.requireIn(current, Workflow.EDITABLE, "修改");
        Links links = drafts.check(caller, current.getJurisdictionCode(), draft);
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            SpecialReportEntity e = Rows.locked(em, id);
            Workflow.requireIn(e, Workflow.EDITABLE, "修改");
            fill(e, draft, links, caller, now);
            em.persist(new ReportEventEntity(id, e.getState(), e.getState(), "UPDATED", caller.username(), now, null));
            return values.report(em, e);
        });
    }

    private void fill(SpecialReportEntity e, SpecialReportDraft d, Links links, Caller caller, long now) {
        e.setTitle(d.title().trim());
        List<ReportSection> sections = d.sections().stream()
                .map(s -> new ReportSection(s.heading() == null || s.heading().isBlank() ? null : s.heading().trim(), s.text().trim()))
                .toList();
        e.setSectionsJson(json.toJson(sections));
        e.setLinksJson(json.toJson(links));
        e.setUpdatedBy(caller.username());
        e.setUpdatedAt(now);
    }
}
