package cn.supervision.campaign.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

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
 * after the deadline, the office of the campaign is told once which units are late. Each notice is claimed before it
 * is sent by inserting its {@link DeadlineNoticeEntity} (unique per campaign, unit, kind and day) in a transaction of
 * its own: running the pass again the same day, or on two nodes at once, sends it once. A notice whose sending fails
 * gives its claim back, so a later run retries it; one whose node dies between the claim and the sending is not sent
 * (a reminder comes again the next day).
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
                    if (!u.complete() && notice(c.id(), u.unitId(), REMIND, today, now, () -> {
                        int written = 0;
                        for (NotificationService n : services) {
                            written += n.toUnit(c.jurisdictionCode(), u.unitCode(), reminder(c, u, today));
                        }
                        return written;
                    })) {
                        changed++;
                    }
                }
            }
            // once per campaign, keyed by the day after the deadline whenever the pass first sees it passed
            LocalDate dayAfter = deadline.plusDays(1);
            List<UnitLateness> late = lateness.units().stream().filter(UnitLateness::late).toList();
            if (after && notice(c.id(), DeadlineNoticeEntity.OFFICE, OFFICE_LATE, dayAfter, now, () -> {
                int written = 0;
                if (!late.isEmpty()) {
                    for (NotificationService n : services) {
                        written += n.toOffice(c.jurisdictionCode(), lateList(c, late));
                    }
                }
                return written;
            })) {
                if (!late.isEmpty()) {
                    notes.add("监管活动 " + c.id() + "：" + late.size() + " 个单位逾期");
                }
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

    private static final String CLAIM = "INSERT INTO SV_CAMPAIGN_DEADLINE_NOTICE (CAMPAIGNID, UNITID, KIND, DAY, SENTAT, RECIPIENTS)"
            + " VALUES (?, ?, ?, ?, ?, 0)";
    private static final String KEY = " WHERE CAMPAIGNID = ? AND UNITID = ? AND KIND = ? AND DAY = ?";

    /**
     * Sends a notice unless it was sent (or is being sent) already: claimed first, then sent, then the number of
     * recipients recorded; false when another run has it. A sending that throws gives the claim back and is rethrown.
     */
    private boolean notice(long campaignId, long unitId, String kind, LocalDate day, Instant now, IntSupplier send) {
        if (!claimed(campaignId, unitId, kind, day, now)) {
            return false;
        }
        int written;
        try {
            written = send.getAsInt();
        } catch (RuntimeException | Error e) {
            try {
                jpa.tx(TransactionType.Required, em -> sql(em, "DELETE FROM SV_CAMPAIGN_DEADLINE_NOTICE" + KEY, campaignId, unitId, kind, day));
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        jpa.tx(TransactionType.Required, em -> sql(em, "UPDATE SV_CAMPAIGN_DEADLINE_NOTICE SET RECIPIENTS = ?" + KEY,
                written, campaignId, unitId, kind, day));
        return true;
    }

    /**
     * Inserts the notice's row in a transaction of its own; false when it exists. Derby undoes only the refused
     * statement; PostgreSQL would abort the transaction, so there the insert skips a duplicate (update count 0).
     */
    private boolean claimed(long campaignId, long unitId, String kind, LocalDate day, Instant now) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                boolean postgresql = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
                try (PreparedStatement s = c.prepareStatement(postgresql ? CLAIM + " ON CONFLICT DO NOTHING" : CLAIM)) {
                    bind(s, campaignId, unitId, kind, day.toString(), now.toEpochMilli());
                    return s.executeUpdate() == 1;
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        return false;
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("截止提醒记录写入失败：" + e.getMessage(), e);
            }
        });
    }

    private static void sql(EntityManager em, String sql, Object... values) {
        try (Connection c = em.unwrap(Connection.class); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("截止提醒记录写入失败：" + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i] instanceof LocalDate d ? d.toString() : values[i]);
        }
    }
}
