package cn.supervision.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.report.LinkedFinding;
import cn.supervision.api.report.LinkedScore;
import cn.supervision.api.report.LinkedUnit;
import cn.supervision.api.report.ReportSection;
import cn.supervision.api.report.SpecialReportDraft;
import cn.supervision.api.security.Caller;

/**
 * Checks a draft's shape and resolves its links against the findings ledger, the registry and the campaigns, all of
 * the report's jurisdiction (400 naming every problem, nothing written). A published campaign contributes the scores
 * of the report's units (those linked and those of the linked findings).
 */
final class DraftChecker {
    static final int MAX_TITLE = 200;
    static final int MAX_SECTIONS = 50;
    static final int MAX_HEADING = 100;
    static final int MAX_TEXT = 20_000;
    static final int MAX_LINKS = 200;

    private final FindingService findings;
    private final RegistryService registry;
    private final CampaignService campaigns;

    DraftChecker(FindingService findings, RegistryService registry, CampaignService campaigns) {
        this.findings = findings;
        this.registry = registry;
        this.campaigns = campaigns;
    }

    Links check(Caller caller, String jurisdictionCode, SpecialReportDraft draft) {
        if (draft == null) {
            throw SupervisionException.invalid("body", "缺少监管专报内容");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = draft.title() == null ? "" : draft.title().trim();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "标题必填，不超过 " + MAX_TITLE + " 字"));
        }
        List<ReportSection> sections = draft.sections() == null ? List.of() : draft.sections();
        if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            errors.add(new FieldError("sections", "正文至少一段，不超过 " + MAX_SECTIONS + " 段"));
        }
        for (int i = 0; i < sections.size(); i++) {
            ReportSection s = sections.get(i);
            if (s == null || s.text() == null || s.text().isBlank() || s.text().length() > MAX_TEXT) {
                errors.add(new FieldError("sections[" + i + "].text", "正文必填，每段不超过 " + MAX_TEXT + " 字"));
            }
            if (s != null && s.heading() != null && s.heading().length() > MAX_HEADING) {
                errors.add(new FieldError("sections[" + i + "].heading", "小标题不超过 " + MAX_HEADING + " 字"));
            }
        }
        List<Long> findingIds = ids("findingIds", draft.findingIds(), errors);
        List<Long> unitIds = ids("unitIds", draft.unitIds(), errors);
        List<Long> campaignIds = ids("campaignIds", draft.campaignIds(), errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("监管专报有 " + errors.size() + " 处错误", errors);
        }

        List<LinkedFinding> linkedFindings = new ArrayList<>();
        for (int i = 0; i < findingIds.size(); i++) {
            long id = findingIds.get(i);
            Finding f = readable(() -> findings.get(caller, id));
            if (f == null) {
                errors.add(new FieldError("findingIds[" + i + "]", "问题 " + id + " 不存在或无权查看"));
            } else if (!f.jurisdictionCode().equals(jurisdictionCode)) {
                errors.add(new FieldError("findingIds[" + i + "]", "问题 " + id + " 不属于行政区划 " + jurisdictionCode));
            } else {
                linkedFindings.add(new LinkedFinding(f.id(), f.unitId(), f.unitName(),
                        f.category() == null ? null : f.category().name(), f.severity() == null ? null : f.severity().name(),
                        f.description()));
            }
        }
        List<LinkedUnit> units = new ArrayList<>();
        for (int i = 0; i < unitIds.size(); i++) {
            long id = unitIds.get(i);
            Unit u = readable(() -> registry.getUnit(caller, id));
            if (u == null) {
                errors.add(new FieldError("unitIds[" + i + "]", "单位 " + id + " 不存在或无权查看"));
            } else if (!u.jurisdictionCode().equals(jurisdictionCode)) {
                errors.add(new FieldError("unitIds[" + i + "]", "单位 " + id + " 不属于行政区划 " + jurisdictionCode));
            } else {
                units.add(new LinkedUnit(u.id(), u.code(), u.name()));
            }
        }
        Set<Long> scoredUnits = new LinkedHashSet<>();
        units.forEach(u -> scoredUnits.add(u.unitId()));
        linkedFindings.forEach(f -> scoredUnits.add(f.unitId()));
        List<LinkedScore> scores = new ArrayList<>();
        for (int i = 0; i < campaignIds.size(); i++) {
            long id = campaignIds.get(i);
            Campaign c = readable(() -> campaigns.get(caller, id));
            if (c == null) {
                errors.add(new FieldError("campaignIds[" + i + "]", "监管活动 " + id + " 不存在或无权查看"));
            } else if (!c.jurisdictionCode().equals(jurisdictionCode)) {
                errors.add(new FieldError("campaignIds[" + i + "]", "监管活动 " + id + " 不属于行政区划 " + jurisdictionCode));
            } else if (c.state() == CampaignState.PUBLISHED) {
                for (UnitResult r : campaigns.results(caller, id, null)) {
                    if (scoredUnits.contains(r.unitId())) {
                        scores.add(new LinkedScore(c.id(), c.title(), r.unitId(), r.unitName(), r.total(), r.grade(), r.rank()));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("监管专报的关联有 " + errors.size() + " 处错误", errors);
        }
        return new Links(linkedFindings, units, campaignIds, scores);
    }

    private static List<Long> ids(String field, List<Long> ids, List<FieldError> errors) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_LINKS) {
            errors.add(new FieldError(field, "不超过 " + MAX_LINKS + " 项"));
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null) {
                errors.add(new FieldError(field + "[" + i + "]", "不能为空"));
            } else if (out.contains(id)) {
                errors.add(new FieldError(field + "[" + i + "]", id + " 重复"));
            } else {
                out.add(id);
            }
        }
        return out;
    }

    /** The record, or null when it does not exist or the caller may not read it. */
    private static <T> T readable(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (SupervisionException e) {
            if (e.kind() == ProblemKind.NOT_FOUND || e.kind() == ProblemKind.FORBIDDEN) {
                return null;
            }
            throw e;
        }
    }
}
