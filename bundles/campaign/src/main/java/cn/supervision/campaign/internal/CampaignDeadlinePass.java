package cn.supervision.campaign.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDeadlines;
import cn.supervision.api.campaign.CampaignDeadlines.Lateness;
import cn.supervision.api.campaign.CampaignDeadlines.UnitLateness;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.DeadlineNoticeEntity;

/**
 * The daily campaign-deadlines pass. While a campaign collects, from {@code reminderDays} days before its collection
 * deadline to the deadline day, every target unit that still lacks a self-report is reminded once a day; from the day
 * after the deadline, the office of the campaign is told once which units are late. What was sent is recorded
 * ({@link DeadlineNoticeEntity}), so running the pass again the same day sends nothing more.
 */
public final class CampaignDeadlinePass implements ScheduledPass {
    static final String NAME = "campaign-deadlines";
    static final String REMIND = "REMIND";
    static final String OFFICE_LATE = "OFFICE_LATE";
    static final String REMIND_CATEGORY = "CAMPAIGN_DEADLINE";
    static final String LATE_CATEGORY = "CAMPAIGN_LATE";

    private final JpaTemplate jpa;
    private final CampaignService campaigns;
    private final RegistryService registry;
    private final DeadlineLedger ledger;
    private final List<NotificationService> notifications;
    private final int reminderDays;

    /** {@code reminderDays} from etc/cn.supervision.campaign.cfg (default 3; 0 reminds on the deadline day only). */
    public CampaignDeadlinePass(JpaTemplate jpa, CampaignService campaigns, RegistryService registry, DeadlineLedger ledger,
                                List<NotificationService> notifications, int reminderDays) {
        if (reminderDays < 0) {
            throw new IllegalArgumentException("reminderDays must be 0 or more: " + reminderDays);
        }
        this.jpa = jpa;
        this.campaigns = campaigns;
        this.registry = registry;
        this.ledger = ledger;
        this.notifications = notifications;
        this.reminderDays = reminderDays;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PassResult run(Instant now) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(now, CampaignDeadlines.ZONE);
        Caller system = Caller.system(NAME);
        List<Campaign> open = new ArrayList<>(campaigns.list(system, null, CampaignState.COLLECTING));
        open.addAll(campaigns.list(system, null, CampaignState.SCORING));
        List<NotificationService> services = List.copyOf(notifications);
        long changed = 0;
        List<String> notes = new ArrayList<>();
        for (Campaign c : open) {
            LocalDate deadline = c.collectionDeadline();
            if (deadline == null || c.targetUnitIds() == null) {
                continue;
            }
            boolean remindDay = c.state() == CampaignState.COLLECTING && !today.isBefore(deadline.minusDays(reminderDays))
                    && !today.isAfter(deadline);
            boolean after = today.isAfter(deadline);
            if (!remindDay && !after) {
                continue;
            }
            List<Unit> units = registry.listUnits(system, c.jurisdictionCode(), true);
            Lateness lateness = ledger.compute(c, units, now);
            if (remindDay) {
                for (UnitLateness u : lateness.units()) {
                    if (!u.complete() && !sent(c.id(), u.unitId(), REMIND, today)) {
                        int written = 0;
                        for (NotificationService n : services) {
                            written += n.toUnit(c.jurisdictionCode(), u.unitCode(), reminder(c, u, today));
                        }
                        record(c.id(), u.unitId(), REMIND, today, now, written);
                        changed++;
                    }
                }
            }
            // once per campaign, keyed by the day after the deadline whenever the pass first sees it passed
            LocalDate dayAfter = deadline.plusDays(1);
            if (after && !sent(c.id(), DeadlineNoticeEntity.OFFICE, OFFICE_LATE, dayAfter)) {
                List<UnitLateness> late = lateness.units().stream().filter(UnitLateness::late).toList();
                int written = 0;
                if (!late.isEmpty()) {
                    for (NotificationService n : services) {
                        written += n.toOffice(c.jurisdictionCode(), lateList(c, late));
                    }
                    notes.add("监管活动 " + c.id() + "：" + late.size() + " 个单位逾期");
                }
                record(c.id(), DeadlineNoticeEntity.OFFICE, OFFICE_LATE, dayAfter, now, written);
                changed++;
            }
        }
        return new PassResult(NAME, now, open.size(), changed, (System.nanoTime() - started) / 1_000_000, notes, null);
    }

    static Message reminder(Campaign c, UnitLateness u, LocalDate today) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, c.collectionDeadline());
        String when = days == 0 ? "今天（" + c.collectionDeadline() + "）" : days + " 天后（" + c.collectionDeadline() + "）";
        return new Message(REMIND_CATEGORY, "自评即将截止：" + c.title(),
                "“" + c.title() + "”的自评将于" + when + "北京时间 24 时截止，本单位尚有 " + u.missingCodes().size() + " 项指标未自评："
                        + String.join("、", u.missingCodes().stream().limit(CollectionNotices.NAMED).toList())
                        + (u.missingCodes().size() > CollectionNotices.NAMED ? " 等" : "") + "。",
                "/v1/campaigns/" + c.id());
    }

    static Message lateList(Campaign c, List<UnitLateness> late) {
        return new Message(LATE_CATEGORY, "自评逾期单位：" + c.title(),
                "“" + c.title() + "”的采集已于 " + c.collectionDeadline() + " 截止，以下 " + late.size() + " 个单位逾期："
                        + late.stream().map(u -> u.unitName() + "（" + (u.complete() ? "逾期提交 " + u.lateReports() + " 项"
                                : "尚缺 " + u.missingCodes().size() + " 项") + "）").collect(Collectors.joining("；")) + "。",
                "/v1/campaigns/" + c.id() + "/lateness");
    }

    private boolean sent(long campaignId, long unitId, String kind, LocalDate day) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select count(n) from DeadlineNoticeEntity n"
                        + " where n.campaignId = :c and n.unitId = :u and n.kind = :k and n.day = :d", Long.class)
                .setParameter("c", campaignId).setParameter("u", unitId).setParameter("k", kind).setParameter("d", day.toString())
                .getSingleResult()) > 0;
    }

    private void record(long campaignId, long unitId, String kind, LocalDate day, Instant now, int recipients) {
        jpa.tx(TransactionType.Required, em -> em.persist(
                new DeadlineNoticeEntity(campaignId, unitId, kind, day.toString(), now.toEpochMilli(), recipients)));
    }
}
