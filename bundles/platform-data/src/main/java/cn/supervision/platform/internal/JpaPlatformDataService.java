package cn.supervision.platform.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
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
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;

/**
 * Platform data: authority and delegation over the {@link Catalogue} (metrics and mappings), {@link Ingestion} (batches),
 * {@link ValueReader} (rows and aggregates), {@link CampaignApplication} and the {@link FeedScheduler}.
 */
public class JpaPlatformDataService implements PlatformDataService {
    private final Access access;
    private final Ingestion ingestion;
    private final Catalogue catalogue;
    private final BatchStore store;
    private final ValueReader values;
    private final CampaignApplication application;
    private final CampaignService campaigns;
    private final FeedScheduler scheduler;

    public JpaPlatformDataService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, Ingestion ingestion,
                                  FeedScheduler scheduler) {
        this.access = new Access(registry);
        this.ingestion = ingestion;
        this.catalogue = ingestion.catalogue();
        this.store = ingestion.store();
        this.values = new ValueReader(jpa);
        this.application = new CampaignApplication(jpa, campaigns);
        this.campaigns = campaigns;
        this.scheduler = scheduler;
    }

    @Override
    public List<Metric> metrics(Caller caller, String jurisdictionCode) {
        access.requireReader(caller, jurisdictionCode);
        return catalogue.metrics(jurisdictionCode);
    }

    @Override
    public Metric saveMetric(Caller caller, String jurisdictionCode, Metric m) {
        access.requireOffice(caller, jurisdictionCode);
        return catalogue.saveMetric(caller.username(), jurisdictionCode, m);
    }

    @Override
    public List<SourceMapping> mappings(Caller caller, String jurisdictionCode, String sourceSystem) {
        access.requireReader(caller, jurisdictionCode);
        return catalogue.mappings(jurisdictionCode, sourceSystem);
    }

    @Override
    public List<SourceMapping> saveMappings(Caller caller, String jurisdictionCode, List<SourceMapping> mappings) {
        access.requireOffice(caller, jurisdictionCode);
        catalogue.saveMappings(caller.username(), jurisdictionCode, mappings);
        return mappings(caller, jurisdictionCode, null);
    }

    @Override
    public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                               String format, InputStream content) {
        access.requireWriter(caller, jurisdictionCode);
        return ingestion.ingest(caller, jurisdictionCode, sourceSystem, clientBatchId, channel, format, content);
    }

    @Override
    public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                               List<DataRow> rows) {
        access.requireWriter(caller, jurisdictionCode);
        return ingestion.ingest(caller, jurisdictionCode, sourceSystem, clientBatchId, channel, rows);
    }

    @Override
    public List<Batch> batches(Caller caller, String jurisdictionCode, int limit) {
        access.requireReader(caller, jurisdictionCode);
        return store.batches(jurisdictionCode, limit);
    }

    @Override
    public Batch batch(Caller caller, String jurisdictionCode, String clientBatchId) {
        access.requireReader(caller, jurisdictionCode);
        Batch b = store.batch(jurisdictionCode, clientBatchId);
        if (b == null) {
            throw SupervisionException.notFound("行政区划 " + jurisdictionCode + " 没有批次 " + clientBatchId);
        }
        return b;
    }

    @Override
    public List<StoredRow> rows(Caller caller, String jurisdictionCode, String metric, long unitId, LocalDate from, LocalDate to, int limit) {
        access.requireReader(caller, jurisdictionCode);
        return values.rows(jurisdictionCode, metric, unitId, from, to, limit);
    }

    @Override
    public List<Aggregate> aggregate(Caller caller, String jurisdictionCode, String metric, LocalDate from, LocalDate to) {
        access.requireReader(caller, jurisdictionCode);
        if (from == null || to == null || from.isAfter(to)) {
            throw SupervisionException.invalid("from", "必须给出起止日期，且起始不晚于截止");
        }
        return values.aggregate(jurisdictionCode, metric, from, to);
    }

    @Override
    public CampaignFeedResult applyToCampaign(Caller caller, long campaignId, List<MetricBinding> bindings) {
        Campaign c = campaigns.get(caller, campaignId);
        access.requireOffice(caller, c.jurisdictionCode());
        return application.apply(caller, campaignId, c, bindings);
    }

    @Override
    public List<FeedDefinition> feeds(Caller caller) {
        return scheduler.shown().stream().filter(d -> access.mayRead(caller, d.jurisdictionCode())).toList();
    }

    @Override
    public FeedRun runFeed(Caller caller, String name) {
        FeedDefinition d = visibleFeed(caller, name);
        access.requireWriter(caller, d.jurisdictionCode());
        return scheduler.runNow(d);
    }

    @Override
    public List<FeedRun> feedRuns(Caller caller, String name, int limit) {
        visibleFeed(caller, name);
        return scheduler.runs(name, limit);
    }

    /** A feed the caller may see; one it may not is answered like one that does not exist. */
    private FeedDefinition visibleFeed(Caller caller, String name) {
        FeedDefinition d = scheduler.definition(name);
        if (d == null || !access.mayRead(caller, d.jurisdictionCode())) {
            throw SupervisionException.notFound("没有数据拉取任务 " + name);
        }
        return d;
    }
}
