package cn.supervision.platform.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.DataRow;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;

/**
 * Batch ingestion, idempotent by client batch id and all or nothing: every row is checked before any is stored. Shared by
 * the service and the feed runs, so a pulled batch is checked and announced exactly as a pushed one.
 */
public class Ingestion {
    private final JpaTemplate jpa;
    private final Catalogue catalogue;
    private final BatchStore store;
    private final Clock clock;
    private volatile List<EventAdmin> eventAdmins = List.of();

    public Ingestion(JpaTemplate jpa, RegistryService registry) {
        this(jpa, registry, Clock.systemUTC());
    }

    Ingestion(JpaTemplate jpa, RegistryService registry, Clock clock) {
        this.jpa = jpa;
        this.catalogue = new Catalogue(jpa, registry, clock);
        this.store = new BatchStore(jpa);
        this.clock = clock;
    }

    /** EventAdmin services, if any (set by the blueprint container): an applied batch is posted for the warning rules. */
    public void setEventAdmins(List<EventAdmin> eventAdmins) {
        this.eventAdmins = eventAdmins;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    BatchStore store() {
        return store;
    }

    BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                        String format, InputStream content) {
        RowRules.checkIds(sourceSystem, clientBatchId);
        // a replay is answered before the body is parsed
        BatchReceipt replay = store.replay(jurisdictionCode, clientBatchId);
        if (replay != null) {
            return replay;
        }
        List<DataRow> rows = RowReader.read(BatchFormat.of(format), content, PlatformDataService.MAX_ROWS);
        RowRules.checkRows(rows);
        return announced(jurisdictionCode, apply(caller, jurisdictionCode, sourceSystem, clientBatchId, channel, rows));
    }

    BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                        List<DataRow> rows) {
        RowRules.checkIds(sourceSystem, clientBatchId);
        RowRules.checkRows(rows);
        BatchReceipt replay = store.replay(jurisdictionCode, clientBatchId);
        if (replay != null) {
            return replay;
        }
        return announced(jurisdictionCode, apply(caller, jurisdictionCode, sourceSystem, clientBatchId, channel, rows));
    }

    private BatchReceipt apply(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                               List<DataRow> rows) {
        String via = channel == null ? "REST" : channel.substring(0, Math.min(40, channel.length()));
        Instant received = clock.instant();
        RowRules.Checked checked = jpa.txExpr(TransactionType.Supports, em -> RowRules.check(rows,
                catalogue.metricIds(em, jurisdictionCode), catalogue.unitKeys(em, jurisdictionCode, sourceSystem), sourceSystem));
        if (!checked.rejected().isEmpty()) {
            return new BatchReceipt(clientBatchId, null, BatchStatus.REJECTED, rows.size(), checked.clean().size(), 0, checked.rejected(),
                    received, caller.username());
        }
        try {
            return store.write(caller.username(), jurisdictionCode, sourceSystem, clientBatchId, via, received, rows, checked.clean());
        } catch (RuntimeException e) {
            // the same batch id applied concurrently by another request: that one won, this one is the replay
            BatchReceipt raced = store.replay(jurisdictionCode, clientBatchId);
            if (raced != null) {
                return raced;
            }
            throw e;
        }
    }

    /** Posts {@code cn/supervision/platform/BATCH_APPLIED} (asynchronously) for a batch that was stored. */
    private BatchReceipt announced(String jurisdictionCode, BatchReceipt receipt) {
        if (receipt.status() == BatchStatus.APPLIED) {
            for (EventAdmin admin : List.copyOf(eventAdmins)) {
                admin.postEvent(new Event("cn/supervision/platform/BATCH_APPLIED",
                        Map.of("jurisdictionCode", jurisdictionCode, "batchId", receipt.batchId())));
            }
        }
        return receipt;
    }
}
