package cn.supervision.warning.internal;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a jurisdiction's rules when its data changes: a campaign published ({@value #PUBLISHED}) or a platform-data
 * batch applied ({@value #BATCH_APPLIED}); both events carry {@code jurisdictionCode}. EventAdmin delivers
 * asynchronously, so the publisher never waits for the rules.
 */
public final class WarningEvents implements EventHandler {
    public static final String PUBLISHED = "cn/supervision/campaign/PUBLISHED";
    public static final String BATCH_APPLIED = "cn/supervision/platform/BATCH_APPLIED";
    private static final Logger LOG = LoggerFactory.getLogger(WarningEvents.class);

    private final WarningLedgerService warnings;
    private final java.time.Clock clock;

    public WarningEvents(WarningLedgerService warnings, java.time.Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event event) {
        Object code = event.getProperty("jurisdictionCode");
        if (!(code instanceof String jurisdiction) || jurisdiction.isBlank()) {
            return;
        }
        try {
            WarningLedgerService.Evaluation e = warnings.evaluateJurisdiction(jurisdiction, clock.instant(), WarningLedgerService.PLATFORM);
            LOG.info("预警规则（{}，{}）：新增 {} 条", event.getTopic(), jurisdiction, e.raised().size());
        } catch (RuntimeException e) {
            LOG.warn("预警规则（{}，{}）运行失败：{}", event.getTopic(), jurisdiction, e.toString());
        }
    }
}
