package cn.supervision.api.campaign;

import cn.supervision.api.indicator.IndicatorInput;

/** One input of a batch for {@link CampaignService#recordInputs}: the same fields one {@code recordInput} call takes. */
public record InputDraft(long unitId, String code, IndicatorInput input, InputSource source, String explanation) {
}
