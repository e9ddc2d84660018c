package cn.supervision.meeting.internal;

import java.util.ArrayList;
import java.util.List;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.meeting.AgendaItem;
import cn.supervision.api.meeting.AgendaItemDraft;
import cn.supervision.api.meeting.AgendaLinkKind;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.report.SpecialReport;
import cn.supervision.api.report.SpecialReportService;
import cn.supervision.api.security.Caller;

/**
 * Resolves agenda links through the owning services, as the caller: each record must exist, be readable and belong to
 * the meeting's jurisdiction; its title is kept as a snapshot. Special reports are checked the same way while the
 * special-report service runs, and taken by id without it.
 */
final class AgendaLinks {
    private final Collaborators services;

    AgendaLinks(Collaborators services) {
        this.services = services;
    }

    List<AgendaItem> resolve(Caller caller, String jurisdictionCode, List<AgendaItemDraft> drafts, List<FieldError> errors) {
        List<AgendaItem> items = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            AgendaItemDraft d = drafts.get(i);
            AgendaLinkKind kind = d.kind() == null ? AgendaLinkKind.NONE : d.kind();
            String field = "agenda[" + i + "].refId";
            String refTitle = null;
            String owner = null;
            try {
                switch (kind) {
                    case FINDING -> {
                        Finding f = services.findings.get(caller, d.refId());
                        owner = f.jurisdictionCode();
                        refTitle = Checks.clip(f.unitName() + "：" + f.description());
                    }
                    case CAMPAIGN -> {
                        Campaign c = services.campaigns.get(caller, d.refId());
                        owner = c.jurisdictionCode();
                        refTitle = Checks.clip(c.title());
                    }
                    case DOCUMENT -> {
                        StoredDocument doc = services.documents().get(caller, d.refId());
                        owner = doc.jurisdictionCode();
                        refTitle = Checks.clip(doc.documentNumber() == null ? doc.title() : doc.title() + "（" + doc.documentNumber() + "）");
                    }
                    case SPECIAL_REPORT -> {
                        SpecialReportService reports = services.reportsIfRunning();
                        if (reports == null) {
                            owner = jurisdictionCode;
                        } else {
                            SpecialReport r = reports.get(caller, d.refId());
                            owner = r.jurisdictionCode();
                            refTitle = Checks.clip(r.issue() == null ? r.title() : r.title() + "（" + r.issue() + "）");
                        }
                    }
                    case NONE -> owner = jurisdictionCode;
                }
            } catch (SupervisionException e) {
                if (e.kind() != ProblemKind.NOT_FOUND && e.kind() != ProblemKind.FORBIDDEN) {
                    throw e;
                }
                errors.add(new FieldError(field, kind.label() + " " + d.refId() + " 不存在或无权查看"));
                continue;
            }
            if (!jurisdictionCode.equals(owner)) {
                errors.add(new FieldError(field, kind.label() + " " + d.refId() + " 属于行政区划 " + owner + "，不属于本次会议的行政区划 "
                        + jurisdictionCode));
                continue;
            }
            String title = Checks.blank(d.title()) ? refTitle : d.title().trim();
            items.add(new AgendaItem(i + 1, title, kind, kind == AgendaLinkKind.NONE ? null : d.refId(), refTitle, kind.path(d.refId())));
        }
        return items;
    }
}
