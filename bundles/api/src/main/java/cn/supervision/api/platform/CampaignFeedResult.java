package cn.supervision.api.platform;

import java.math.BigDecimal;
import java.util.List;

/** What applying platform data to a campaign recorded, and which units had no data. */
public record CampaignFeedResult(long campaignId, List<Recorded> recorded, List<Missing> missing) {

    public record Recorded(long unitId, String indicatorCode, String metricCode, BigDecimal value, long rows,
                           List<Long> batchIds, long inputId) { }

    public record Missing(long unitId, String indicatorCode, String metricCode, String reason) { }
}
