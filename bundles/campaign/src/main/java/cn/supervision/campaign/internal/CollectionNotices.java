package cn.supervision.campaign.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.LatePolicy;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;

/**
 * Tells every target unit, when a campaign starts collecting, what to self-report and by when. Optional: without a
 * notification service nothing is sent, and a failure to send never undoes the transition (it is logged).
 */
public final class CollectionNotices {
    static final String CATEGORY = "CAMPAIGN_COLLECTING";
    /** At most this many indicators are named in a message; the rest are counted. */
    static final int NAMED = 20;
    private static final Logger LOG = LoggerFactory.getLogger(CollectionNotices.class);

    private final RegistryService registry;
    private final List<NotificationService> notifications;

    public CollectionNotices(RegistryService registry, List<NotificationService> notifications) {
        this.registry = registry;
        this.notifications = notifications;
    }

    /** Returns how many inbox entries were written; {@code units} names each unit's own codes. */
    int started(Campaign c, UnitSystems units) {
        List<NotificationService> services = List.copyOf(notifications);
        if (services.isEmpty() || c.targetUnitIds() == null) {
            return 0;
        }
        int written = 0;
        try {
            ReportScope scope = new ReportScope(units);
            for (Unit u : registry.listUnits(Caller.system("campaign-notices"), c.jurisdictionCode(), true)) {
                if (!c.targetUnitIds().contains(u.id())) {
                    continue;
                }
                Message m = message(c, scope.expected(c, u));
                for (NotificationService n : services) {
                    written += n.toUnit(c.jurisdictionCode(), u.code(), m);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("campaign {}: collection notices not (all) sent: {}", c.id(), e.toString());
        }
        return written;
    }

    static Message message(Campaign c, Map<String, String> expected) {
        StringBuilder body = new StringBuilder("“").append(c.title()).append("”（").append(c.period().label()).append("）已开始采集。");
        if (c.collectionDeadline() != null) {
            body.append("请于 ").append(c.collectionDeadline()).append("（北京时间当日 24 时）前完成自评");
            body.append(c.latePolicy() == LatePolicy.REFUSE ? "，逾期不再接受自评。" : "，逾期提交将标记为逾期。");
        } else {
            body.append("本活动未设采集截止日期。");
        }
        if (expected.isEmpty()) {
            body.append("本单位无需自评的指标。");
        } else {
            body.append("需自评的指标（").append(expected.size()).append(" 项）：");
            body.append(expected.entrySet().stream().limit(NAMED).map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining("；")));
            if (expected.size() > NAMED) {
                body.append(" 等");
            }
            body.append("。");
        }
        return new Message(CATEGORY, "请填报自评：" + c.title(), body.toString(), "/v1/campaigns/" + c.id());
    }
}
