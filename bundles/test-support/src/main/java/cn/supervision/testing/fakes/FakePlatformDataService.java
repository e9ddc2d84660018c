package cn.supervision.testing.fakes;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.platform.Batch;
import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.CampaignFeedResult;
import cn.supervision.api.platform.DataRow;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.Metric;
import cn.supervision.api.platform.MetricBinding;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.platform.SourceMapping;
import cn.supervision.api.platform.StoredRow;
import cn.supervision.api.security.Caller;

/**
 * A {@link PlatformDataService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakePlatformDataService implements PlatformDataService {
    @Override
    public List<Metric> metrics(Caller caller, String jurisdictionCode) {
        throw unused("metrics");
    }

    @Override
    public Metric saveMetric(Caller caller, String jurisdictionCode, Metric metric) {
        throw unused("saveMetric");
    }

    @Override
    public List<SourceMapping> mappings(Caller caller, String jurisdictionCode, String sourceSystem) {
        throw unused("mappings");
    }

    @Override
    public List<SourceMapping> saveMappings(Caller caller, String jurisdictionCode, List<SourceMapping> mappings) {
        throw unused("saveMappings");
    }

    @Override
    public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel, List<DataRow> rows) {
        throw unused("ingest");
    }

    @Override
    public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel, String format, InputStream content) {
        throw unused("ingest");
    }

    @Override
    public List<Batch> batches(Caller caller, String jurisdictionCode, int limit) {
        throw unused("batches");
    }

    @Override
    public Batch batch(Caller caller, String jurisdictionCode, String clientBatchId) {
        throw unused("batch");
    }

    @Override
    public List<StoredRow> rows(Caller caller, String jurisdictionCode, String metric, long unitId, LocalDate from, LocalDate to, int limit) {
        throw unused("rows");
    }

    @Override
    public List<Aggregate> aggregate(Caller caller, String jurisdictionCode, String metric, LocalDate from, LocalDate to) {
        throw unused("aggregate");
    }

    @Override
    public CampaignFeedResult applyToCampaign(Caller caller, long campaignId, List<MetricBinding> bindings) {
        throw unused("applyToCampaign");
    }

    @Override
    public List<FeedDefinition> feeds(Caller caller) {
        throw unused("feeds");
    }

    @Override
    public FeedRun runFeed(Caller caller, String name) {
        throw unused("runFeed");
    }

    @Override
    public List<FeedRun> feedRuns(Caller caller, String name, int limit) {
        throw unused("feedRuns");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("PlatformDataService." + method + " is not used by this test");
    }
}
