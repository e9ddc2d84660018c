package cn.supervision.campaign.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.Member;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.security.Caller;

/** A campaign draft checked as a whole (every error at once) and turned into the plan that is stored. */
final class PlanValidator {
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4_000;
    static final int MAX_REASON = 500;

    private final RegistryService registry;
    private final IndicatorSystemService systems;

    PlanValidator(RegistryService registry, IndicatorSystemService systems) {
        this.registry = registry;
        this.systems = systems;
    }

    /** A reason, trimmed and at most {@value #MAX_REASON} characters; "" when optional and not given. */
    static String reason(String text, boolean required, String field, String what) {
        String why = text == null ? "" : text.trim();
        if ((required && why.isEmpty()) || why.length() > MAX_REASON) {
            throw SupervisionException.invalid(field, (required ? "必须说明" : "") + what + "不超过 " + MAX_REASON + " 个字符");
        }
        return why;
    }

    Plan checked(Caller caller, String jurisdictionCode, CampaignDraft d) {
        if (d == null) {
            throw SupervisionException.invalid("body", "缺少监管活动计划");
        }
        List<FieldError> errors = new ArrayList<>();
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "必须指定类型（ROUTINE 常规监管 / SPECIAL 专项监管）"));
        }
        if (d.title() == null || d.title().isBlank() || d.title().length() > MAX_TITLE) {
            errors.add(new FieldError("title", "必须填写标题（不超过 " + MAX_TITLE + " 个字符）"));
        }
        if (d.description() != null && d.description().length() > MAX_TEXT) {
            errors.add(new FieldError("description", "说明不能超过 " + MAX_TEXT + " 个字符"));
        }
        Period p = d.period();
        if (p == null || p.type() == null || p.year() < 2000 || p.year() > 2100) {
            errors.add(new FieldError("period", "必须指定周期（YEAR/QUARTER/MONTH 与年度）"));
        } else if ((p.type() == Period.PeriodType.QUARTER && (p.number() == null || p.number() < 1 || p.number() > 4))
                || (p.type() == Period.PeriodType.MONTH && (p.number() == null || p.number() < 1 || p.number() > 12))
                || (p.type() == Period.PeriodType.YEAR && p.number() != null)) {
            errors.add(new FieldError("period.number", "季度为 1–4，月份为 1–12，年度不填"));
        }
        if (d.collectionDeadline() != null && d.scoringDeadline() != null && d.scoringDeadline().isBefore(d.collectionDeadline())) {
            errors.add(new FieldError("scoringDeadline", "评分截止日期不能早于采集截止日期"));
        }
        Set<Category> categories = d.categories() == null ? (d.kind() == null ? Set.of() : d.kind().defaultCategories())
                : (d.categories().isEmpty() ? Set.of() : EnumSet.copyOf(d.categories()));
        if (categories.isEmpty()) {
            errors.add(new FieldError("categories", "至少选用一类二级指标"));
        }
        Map<UnitKind, Long> pinned = d.systems() == null ? Map.of() : new TreeMap<>(d.systems());
        if (pinned.isEmpty()) {
            errors.add(new FieldError("systems", "至少为一种单位类别指定已发布的指标体系"));
        }
        pinned.forEach((kind, id) -> checkSystem(caller, jurisdictionCode, kind, id, errors));
        if (d.targetUnitIds() != null) {
            Set<Long> units = registry.listUnits(caller, jurisdictionCode, false).stream().map(Unit::id).collect(Collectors.toSet());
            for (Long id : d.targetUnitIds()) {
                if (!units.contains(id)) {
                    errors.add(new FieldError("targetUnitIds", "单位 " + id + " 不是本行政区划的存续单位"));
                }
            }
        }
        checkGroup(d.workingGroup(), errors);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("监管活动计划有 " + errors.size() + " 处错误", errors);
        }
        return new Plan(d.title().trim(), d.description(), p, pinned, categories, d.collectionDeadline(),
                d.scoringDeadline(), d.targetUnitIds() == null ? null : List.copyOf(new TreeSet<>(d.targetUnitIds())), d.workingGroup(),
                d.latePolicy());
    }

    private void checkSystem(Caller caller, String jurisdictionCode, UnitKind kind, long id, List<FieldError> errors) {
        String field = "systems." + kind;
        IndicatorSystem sys;
        try {
            sys = systems.get(caller, id);
        } catch (SupervisionException e) {
            errors.add(new FieldError(field, "指标体系 " + id + " 不存在或不可见"));
            return;
        }
        if (sys.status() != SystemStatus.PUBLISHED) {
            errors.add(new FieldError(field, "只能选用已发布的指标体系（" + id + " 为 " + sys.status() + "）"));
        }
        if (!sys.jurisdictionCode().equals(jurisdictionCode)) {
            errors.add(new FieldError(field, "指标体系 " + id + " 属于行政区划 " + sys.jurisdictionCode()));
        }
        if (!sys.definition().unitKinds().isEmpty() && !sys.definition().unitKinds().contains(kind)) {
            errors.add(new FieldError(field, "指标体系 " + id + " 不适用于" + kind.label()));
        }
    }

    private static void checkGroup(List<Member> group, List<FieldError> errors) {
        if (group == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < group.size(); i++) {
            Member m = group.get(i);
            if (m == null || m.username() == null || m.username().isBlank() || m.role() == null) {
                errors.add(new FieldError("workingGroup[" + i + "]", "工作组成员需要账号和角色"));
            } else if (!names.add(m.username())) {
                errors.add(new FieldError("workingGroup[" + i + "]", "成员 " + m.username() + " 重复"));
            }
        }
    }
}
