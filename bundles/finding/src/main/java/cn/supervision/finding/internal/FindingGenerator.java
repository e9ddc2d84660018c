package cn.supervision.finding.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.GenerationRule;
import cn.supervision.api.followup.ResultCodes;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.indicator.AdjustmentKind;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Dimension;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.problem.SupervisionException;

/**
 * Turns one revision of a published campaign's results into finding drafts, unit by unit in the revision's order:
 * every leaf of a category in use scoring below {@code belowShare} of its maximum, every triggered veto item, every
 * unit whose duty and corroboration views were flagged. Scores already recorded as findings ({@code taken} result
 * keys: campaign, unit and code, in any revision and whatever their state, withdrawn included: the office decided about
 * them) are left out, so preview and generation agree and a second generation creates nothing.
 *
 * <p>Defaults: a leaf of the duty view (核心、辅助职责) and of peer review or public evaluation is DUTY_NOT_PERFORMED,
 * a platform-data leaf (hotline on-time rates, 好差评: how services are run) PROCESS_MECHANISM; severity by how far below
 * the share it scored (under a third of the share GRAVE, under two thirds SERIOUS, else GENERAL). A triggered veto is
 * GRAVE, DISCIPLINE when its name speaks of 纪律 (机构编制纪律), else DUTY_NOT_PERFORMED. A gap flag is
 * DUTY_NOT_PERFORMED when the third parties' view is the weaker one (the unit's own account is not borne out), else
 * OTHER; SERIOUS from a 40-point gap, else GENERAL.
 */
final class FindingGenerator {
    /** A draft and the key of the score it rests on. */
    record Generated(FindingDraft draft, String resultKey) { }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SERIOUS_GAP = BigDecimal.valueOf(40);

    static void check(GenerationRule rule) {
        if (rule == null) {
            throw SupervisionException.invalid("body", "需要 {\"belowShare\":0.6,\"vetoes\":true,\"gapFlags\":true}");
        }
        if (rule.belowShare() == null || rule.belowShare().signum() <= 0 || rule.belowShare().compareTo(BigDecimal.ONE) > 0) {
            throw SupervisionException.invalid("belowShare", "应为大于 0、不超过 1 的得分率（如 0.6 表示低于满分的 60%）");
        }
    }

    List<Generated> drafts(Campaign campaign, ResultRevision revision, GenerationRule rule, Set<String> taken) {
        Set<Category> used = campaign.categories() == null || campaign.categories().isEmpty()
                ? java.util.EnumSet.allOf(Category.class) : campaign.categories();
        List<Generated> out = new ArrayList<>();
        for (UnitResult r : revision.results()) {
            Evaluation e = r.evaluation();
            if (e != null) {
                for (Evaluation.NodeScore leaf : leaves(e.indicators())) {
                    if (used.contains(leaf.category()) && below(leaf, rule.belowShare())) {
                        add(out, taken, campaign, revision, r, leaf.code(), leafDraft(campaign, revision, r, leaf, rule.belowShare()));
                    }
                }
                if (rule.vetoes()) {
                    for (Evaluation.AdjustmentScore a : e.adjustments()) {
                        if (a.kind() == AdjustmentKind.VETO && a.triggered()) {
                            add(out, taken, campaign, revision, r, a.code(), vetoDraft(campaign, revision, r, a));
                        }
                    }
                }
            }
            if (rule.gapFlags() && r.flagged()) {
                add(out, taken, campaign, revision, r, ResultCodes.GAP, gapDraft(campaign, revision, r));
            }
        }
        return out;
    }

    private static void add(List<Generated> out, Set<String> taken, Campaign c, ResultRevision rev, UnitResult r, String code,
                            FindingDraft draft) {
        String key = FindingValidator.resultKey(c.id(), r.unitId(), code);
        if (!taken.contains(key)) {
            out.add(new Generated(draft, key));
        }
    }

    static List<Evaluation.NodeScore> leaves(List<Evaluation.NodeScore> nodes) {
        List<Evaluation.NodeScore> out = new ArrayList<>();
        for (Evaluation.NodeScore n : nodes == null ? List.<Evaluation.NodeScore>of() : nodes) {
            if (n.children() == null || n.children().isEmpty()) {
                out.add(n);
            } else {
                out.addAll(leaves(n.children()));
            }
        }
        return out;
    }

    private static boolean below(Evaluation.NodeScore leaf, BigDecimal share) {
        return leaf.max() != null && leaf.max().signum() > 0 && leaf.score() != null
                && leaf.score().compareTo(leaf.max().multiply(share)) < 0;
    }

    private static String where(Campaign c, ResultRevision rev) {
        return "《" + c.title() + "》第 " + rev.revision() + " 版结果";
    }

    private static String percent(BigDecimal ratio) {
        return ratio.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    private static FindingDraft leafDraft(Campaign c, ResultRevision rev, UnitResult r, Evaluation.NodeScore leaf, BigDecimal share) {
        BigDecimal ratio = leaf.score().divide(leaf.max(), 20, RoundingMode.HALF_UP);
        BigDecimal relative = ratio.divide(share, 20, RoundingMode.HALF_UP);
        Severity severity = relative.compareTo(BigDecimal.ONE.divide(BigDecimal.valueOf(3), 20, RoundingMode.HALF_UP)) < 0 ? Severity.GRAVE
                : relative.compareTo(BigDecimal.valueOf(2).divide(BigDecimal.valueOf(3), 20, RoundingMode.HALF_UP)) < 0 ? Severity.SERIOUS
                : Severity.GENERAL;
        FindingCategory category = leaf.category() == Category.PLATFORM_DATA ? FindingCategory.PROCESS_MECHANISM
                : FindingCategory.DUTY_NOT_PERFORMED;
        String description = where(c, rev) + "：" + r.unitName() + " 指标 " + leaf.code() + "「" + leaf.name() + "」得分 "
                + leaf.score().toPlainString() + "，满分 " + leaf.max().toPlainString() + "（得分率 " + percent(ratio) + "，低于 "
                + percent(share) + "）";
        StringBuilder evidence = new StringBuilder();
        if (leaf.standard() != null && !leaf.standard().isBlank()) {
            evidence.append("评分标准：").append(leaf.standard()).append('\n');
        }
        if (leaf.explanation() != null && !leaf.explanation().isBlank()) {
            evidence.append("计分：").append(leaf.explanation()).append('\n');
        }
        if (leaf.source() != null && !leaf.source().isBlank()) {
            evidence.append("数据来源：").append(leaf.source()).append('\n');
        }
        return new FindingDraft(r.unitId(), FindingSource.campaign(c.id(), leaf.code(), rev.revision()), category, severity,
                Texts.clip(description, Texts.MAX_DESCRIPTION), Texts.clip(evidence.toString().strip(), Texts.MAX_EVIDENCE));
    }

    private static FindingDraft vetoDraft(Campaign c, ResultRevision rev, UnitResult r, Evaluation.AdjustmentScore a) {
        FindingCategory category = a.name() != null && a.name().contains("纪律") ? FindingCategory.DISCIPLINE
                : FindingCategory.DUTY_NOT_PERFORMED;
        String description = where(c, rev) + "：" + r.unitName() + " 触发否决项 " + a.code() + "「" + a.name() + "」"
                + (a.explanation() == null ? "" : "（" + a.explanation() + "）");
        return new FindingDraft(r.unitId(), FindingSource.campaign(c.id(), a.code(), rev.revision()), category, Severity.GRAVE,
                Texts.clip(description, Texts.MAX_DESCRIPTION), a.steps() == null || a.steps().isEmpty() ? null
                        : Texts.clip(String.join("\n", a.steps()), Texts.MAX_EVIDENCE));
    }

    private static FindingDraft gapDraft(Campaign c, ResultRevision rev, UnitResult r) {
        boolean corroborationWeaker = r.corroborationView() != null && r.dutyView() != null
                && r.corroborationView().compareTo(r.dutyView()) < 0;
        Dimension weaker = corroborationWeaker ? Dimension.CORROBORATION : Dimension.DUTY;
        String description = where(c, rev) + "：" + r.unitName() + " 职责指标得分率 " + plain(r.dutyView()) + "，印证指标得分率 "
                + plain(r.corroborationView()) + "，相差 " + plain(r.gap()) + " 分，两方面评价不能相互印证（" + weaker.label() + "偏低）";
        String evidence = r.gapDrivers() == null || r.gapDrivers().isEmpty() ? null
                : "失分较多的指标：" + String.join("、", r.gapDrivers());
        Severity severity = r.gap() != null && r.gap().compareTo(SERIOUS_GAP) >= 0 ? Severity.SERIOUS : Severity.GENERAL;
        return new FindingDraft(r.unitId(), FindingSource.campaign(c.id(), ResultCodes.GAP, rev.revision()),
                corroborationWeaker ? FindingCategory.DUTY_NOT_PERFORMED : FindingCategory.OTHER, severity,
                Texts.clip(description, Texts.MAX_DESCRIPTION), Texts.clip(evidence, Texts.MAX_EVIDENCE));
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
