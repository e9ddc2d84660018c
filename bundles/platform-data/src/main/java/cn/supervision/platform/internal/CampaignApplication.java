package cn.supervision.platform.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.platform.CampaignFeedResult;
import cn.supervision.api.platform.MetricAggregation;
import cn.supervision.api.platform.MetricBinding;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.platform.internal.model.MetricEntity;

/**
 * Applies the period's aggregates to a collecting campaign as platform-data inputs, in one batch of the campaign service:
 * a unit without data or a value a count cannot take is answered as missing before the batch; a draft the campaign
 * refuses becomes missing with its reason and the others are sent again, so what is recorded is recorded together.
 */
final class CampaignApplication {
    private final JpaTemplate jpa;
    private final CampaignService campaigns;

    CampaignApplication(JpaTemplate jpa, CampaignService campaigns) {
        this.jpa = jpa;
        this.campaigns = campaigns;
    }

    /** One (binding, unit) in the order the result lists them: missing already, or a draft awaiting the campaign's answer. */
    private record Slot(long unit, MetricBinding binding, MetricEntity metric, Aggregate aggregate, InputDraft draft, String missing) { }

    CampaignFeedResult apply(Caller caller, long campaignId, Campaign c, List<MetricBinding> bindings) {
        if (c.targetUnitIds() == null) {
            throw SupervisionException.conflict("监管活动尚未开始采集");
        }
        if (bindings == null || bindings.isEmpty()) {
            throw SupervisionException.invalid("bindings", "必须指定平台数据指标与监管指标的对应关系");
        }
        LocalDate[] range = range(c.period());
        Map<String, MetricEntity> metrics = new HashMap<>();
        Map<String, List<Aggregate>> aggregates = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (int i = 0; i < bindings.size(); i++) {
                MetricBinding b = bindings.get(i);
                if (b == null || b.metricCode() == null || b.indicatorCode() == null) {
                    errors.add(new FieldError("bindings[" + i + "]", "必须给出 metricCode 和 indicatorCode"));
                    continue;
                }
                MetricEntity m = Catalogue.metric(em, c.jurisdictionCode(), b.metricCode());
                if (m == null) {
                    errors.add(new FieldError("bindings[" + i + "].metricCode", "没有平台数据指标 " + b.metricCode()));
                    continue;
                }
                metrics.put(m.getCode(), m);
                aggregates.computeIfAbsent(m.getCode(), k -> ValueReader.aggregate(em, m, range[0], range[1]));
            }
        });
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("对应关系有 " + errors.size() + " 处问题", errors);
        }
        String period = range[0] + " 至 " + range[1];
        List<Slot> slots = new ArrayList<>();
        for (MetricBinding b : bindings) {
            MetricEntity m = metrics.get(b.metricCode());
            Map<Long, Aggregate> byUnit = new HashMap<>();
            aggregates.get(m.getCode()).forEach(a -> byUnit.put(a.unitId(), a));
            for (Long unit : c.targetUnitIds()) {
                slots.add(slot(unit, b, m, byUnit.get(unit), period));
            }
        }
        String[] reasons = new String[slots.size()];
        long[] ids = new long[slots.size()];
        List<Integer> drafts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).missing() == null) {
                drafts.add(i);
            } else {
                reasons[i] = slots.get(i).missing();
            }
        }
        List<InputBatch.Outcome> outcomes = campaigns.recordAccepted(caller, campaignId, drafts.stream().map(i -> slots.get(i).draft()).toList(),
                "平台数据未能记入");
        for (InputBatch.Outcome o : outcomes) {
            int slot = drafts.get(o.index());
            if (o.record() != null) {
                ids[slot] = o.record().id();
            } else {
                reasons[slot] = o.reason();
            }
        }
        List<CampaignFeedResult.Recorded> recorded = new ArrayList<>();
        List<CampaignFeedResult.Missing> missing = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (reasons[i] != null) {
                missing.add(new CampaignFeedResult.Missing(s.unit(), s.binding().indicatorCode(), s.binding().metricCode(), reasons[i]));
            } else {
                Aggregate a = s.aggregate();
                recorded.add(new CampaignFeedResult.Recorded(s.unit(), s.binding().indicatorCode(), s.metric().getCode(), a.value(), a.rows(),
                        a.batchIds(), ids[i]));
            }
        }
        return new CampaignFeedResult(campaignId, recorded, missing);
    }

    private static Slot slot(long unit, MetricBinding b, MetricEntity m, Aggregate a, String period) {
        if (a == null) {
            return new Slot(unit, b, m, null, null, period + " 没有该指标的数据");
        }
        IndicatorInput input;
        if (b.asOccurrences()) {
            BigDecimal v = a.value();
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                return new Slot(unit, b, m, a, null, "汇总值 " + v.toPlainString() + " 不是非负整数，不能作为次数");
            }
            input = new IndicatorInput(null, v.intValueExact(), null, null, null, provenance(m, a));
        } else {
            input = new IndicatorInput(a.value(), null, null, null, null, provenance(m, a));
        }
        String explanation = "平台数据 " + m.getCode() + "（" + m.getName() + (m.getUnitOfMeasure() == null ? "" : "，" + m.getUnitOfMeasure())
                + "，来源 " + m.getSourceSystem() + "）：" + period + " 共 " + a.rows() + " 行，按 " + label(MetricAggregation.valueOf(m.getAggregation()))
                + "汇总 = " + a.value().toPlainString() + "；来源批次 " + a.batchIds();
        return new Slot(unit, b, m, a, new InputDraft(unit, b.indicatorCode(), input, InputSource.PLATFORM_DATA,
                explanation.length() > 2_000 ? explanation.substring(0, 1_990) + "…" : explanation), null);
    }

    private static String provenance(MetricEntity m, Aggregate a) {
        String batches = a.batchIds().toString().replace(" ", "");
        String text = "platform-data:" + m.getCode() + " batches=" + batches;
        return text.length() > 500 ? text.substring(0, 495) + "…]" : text;
    }

    private static String label(MetricAggregation a) {
        return switch (a) {
            case SUM -> "合计";
            case MEAN -> "平均值";
            case MIN -> "最小值";
            case MAX -> "最大值";
            case COUNT -> "行数";
        };
    }

    static LocalDate[] range(Period p) {
        return switch (p.type()) {
            case YEAR -> new LocalDate[] {LocalDate.of(p.year(), 1, 1), LocalDate.of(p.year(), 12, 31)};
            case QUARTER -> {
                LocalDate start = LocalDate.of(p.year(), (p.number() - 1) * 3 + 1, 1);
                yield new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
            }
            case MONTH -> {
                LocalDate start = LocalDate.of(p.year(), p.number(), 1);
                yield new LocalDate[] {start, start.plusMonths(1).minusDays(1)};
            }
        };
    }
}
