package cn.supervision.api.platform;

import org.osgi.annotation.versioning.ProviderType;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Platform data (平台数据): metric definitions, the source mapping table, batch ingestion (idempotent by client batch id,
 * all or nothing, durable when acknowledged), scheduled pulls, and aggregation into campaigns' PLATFORM_DATA inputs.
 * Office administrators and PARTNER_SYSTEM accounts submit batches for their own jurisdiction.
 */
@ProviderType
public interface PlatformDataService {

    /** Largest batch accepted, in rows (too large beyond). */
    int MAX_ROWS = 100_000;

    List<Metric> metrics(Caller caller, String jurisdictionCode);

    Metric saveMetric(Caller caller, String jurisdictionCode, Metric metric);

    List<SourceMapping> mappings(Caller caller, String jurisdictionCode, String sourceSystem);

    /** Adds or replaces mappings (sourceSystem + sourceKey → unit). */
    List<SourceMapping> saveMappings(Caller caller, String jurisdictionCode, List<SourceMapping> mappings);

    /** Ingests a batch of rows. The same client batch id again answers DUPLICATE without storing anything. */
    BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                        List<DataRow> rows);

    /** Parses CSV (header: metric,unit,date,value[,recordId]; UTF-8, BOM tolerated) or a JSON array, then ingests. */
    BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                        String format, InputStream content);

    List<Batch> batches(Caller caller, String jurisdictionCode, int limit);

    Batch batch(Caller caller, String jurisdictionCode, String clientBatchId);

    /** Current rows of a metric for one unit (drill-down), newest dates first, at most {@code limit}. */
    List<StoredRow> rows(Caller caller, String jurisdictionCode, String metric, long unitId, LocalDate from, LocalDate to, int limit);

    /** One metric aggregated per unit over [from, to]. */
    List<Aggregate> aggregate(Caller caller, String jurisdictionCode, String metric, LocalDate from, LocalDate to);

    /** Records the campaign's PLATFORM_DATA inputs from the metrics over its period, with provenance to the batches. */
    CampaignFeedResult applyToCampaign(Caller caller, long campaignId, List<MetricBinding> bindings);

    List<FeedDefinition> feeds(Caller caller);

    /** Runs a feed now (the scheduler calls this too); returns the finished run. */
    FeedRun runFeed(Caller caller, String name);

    List<FeedRun> feedRuns(Caller caller, String name, int limit);
}
