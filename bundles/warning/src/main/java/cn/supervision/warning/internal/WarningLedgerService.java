package cn.supervision.warning.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingDraft;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.Severity;
import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.registry.StaffingService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.warning.Warning;
import cn.supervision.api.warning.WarningLevel;
import cn.supervision.api.warning.WarningRule;
import cn.supervision.api.warning.WarningService;
import cn.supervision.api.warning.WarningState;
import cn.supervision.api.warning.WarningSummary;
import cn.supervision.api.warning.WarningTransition;
import cn.supervision.warning.internal.rules.Sources;

/**
 * The warning ledger's facade: authority through {@link Access}, the state machine over the {@link Ledger}, the rules
 * through the {@link RuleEngine}, and what the unit and the office are told. Raising and transitions of a jurisdiction
 * are serialised in the database, on every platform node (the {@link Ledger}'s lock): the event handler, the daily
 * pass and an office's "evaluate now", on one node or two, never raise the same warning twice, and two offices moving
 * one warning at once do not both move it (nor convert it into two findings). Reminders are claimed warning by warning,
 * so two nodes' passes remind each once.
 */
public final class WarningLedgerService implements WarningService {
    private static final Logger LOG = LoggerFactory.getLogger(WarningLedgerService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String PLATFORM = "warning-rules";

    private final Ledger ledger;
    private final RegistryService registry;
    private final Supplier<FindingService> findings;
    private final Supplier<NotificationService> notifications;
    private final RuleEngine engine;
    private final WarningConfig config;
    private final Clock clock;

    public WarningLedgerService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, PlatformDataService platformData,
                                List<StaffingService> staffing, List<FindingService> findings, List<NotificationService> notifications,
                                List<RectificationService> rectifications, List<CoverageService> coverage, WarningConfig config,
                                Clock clock) {
        this(jpa, registry, campaigns, platformData, first(staffing), first(findings), first(notifications), first(rectifications),
                first(coverage), config, clock);
    }

    /** For tests and benchmarks: the other areas' services as suppliers (Blueprint uses the lists above). */
    WarningLedgerService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, PlatformDataService platformData,
                                Supplier<StaffingService> staffing, Supplier<FindingService> findings,
                                Supplier<NotificationService> notifications, Supplier<RectificationService> rectifications,
                                WarningConfig config, Clock clock) {
        this(jpa, registry, campaigns, platformData, staffing, findings, notifications, rectifications, () -> null, config, clock);
    }

    /** As above, with the duty coverage service. */
    WarningLedgerService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, PlatformDataService platformData,
                         Supplier<StaffingService> staffing, Supplier<FindingService> findings,
                         Supplier<NotificationService> notifications, Supplier<RectificationService> rectifications,
                         Supplier<CoverageService> coverage, WarningConfig config, Clock clock) {
        this.ledger = new Ledger(jpa);
        this.registry = registry;
        this.findings = findings;
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
        this.engine = new RuleEngine(new Sources(registry, campaigns, platformData, staffing, findings, rectifications, coverage), config);
    }

    /** The first service of an optional Blueprint reference-list, or null while none is registered. */
    static <T> Supplier<T> first(List<T> services) {
        return () -> {
            try {
                return services == null || services.isEmpty() ? null : services.get(0);
            } catch (IndexOutOfBoundsException gone) {
                return null;
            }
        };
    }

    private Access access() {
        return registry.access();
    }

    private static Target target(Warning w) {
        return Target.unit(w.jurisdictionCode(), w.unitCode()).published(w.state().dispatched());
    }

    @Override
    public List<Warning> list(Caller caller, String jurisdictionCode, WarningLevel level, WarningState state, Long unitId) {
        String j = jurisdictionCode == null || jurisdictionCode.isBlank() ? caller.jurisdictionCode() : jurisdictionCode;
        if (j == null) {
            throw SupervisionException.invalid("jurisdiction", "必须指定行政区划");
        }
        // the widest view this caller could have of the jurisdiction: refuses another county or the parent at once
        access().require(caller, Operation.READ_WARNINGS, new Target(j, caller.unitCode(), true));
        return access().filter(caller, Operation.READ_WARNINGS, ledger.list(j, level, state, unitId), WarningLedgerService::target);
    }

    @Override
    public Warning get(Caller caller, long id) {
        Warning w = ledger.get(id);
        access().require(caller, Operation.READ_WARNINGS, target(w));
        return w;
    }

    @Override
    public List<WarningTransition> history(Caller caller, long id) {
        get(caller, id);
        return ledger.history(id);
    }

    private Warning managed(Caller caller, long id) {
        Warning w = ledger.get(id);
        access().require(caller, Operation.MANAGE_WARNINGS, Target.unit(w.jurisdictionCode(), w.unitCode()));
        return w;
    }

    private static String reason(String reason, boolean mandatory, String fallback) {
        if (reason == null || reason.isBlank()) {
            if (mandatory) {
                throw SupervisionException.invalid("reason", "必须填写理由");
            }
            return fallback;
        }
        if (reason.length() > 2000) {
            throw SupervisionException.invalid("reason", "理由不超过 2000 字");
        }
        return reason.trim();
    }

    @Override
    public Warning dispatch(Caller caller, long id, String reason) {
        Warning current = managed(caller, id);
        String why = reason(reason, false, "下发单位核查整改");
        Warning w = ledger.move(id, current.jurisdictionCode(), WarningState.DISPATCHED, caller.username(), clock.instant(), e -> {
            e.setLastRemindedAt(clock.millis());
            return why;
        });
        tellUnit(w, "WARNING_DISPATCHED", "【" + w.level().label() + "】" + w.number() + " " + w.rule().label());
        return w;
    }

    @Override
    public Warning verify(Caller caller, long id, String reason) {
        Warning current = managed(caller, id);
        String why = reason(reason, false, "转入核查");
        return ledger.move(id, current.jurisdictionCode(), WarningState.VERIFYING, caller.username(), clock.instant(), e -> why);
    }

    @Override
    public Warning close(Caller caller, long id, String reason) {
        Warning current = managed(caller, id);
        String why = reason(reason, true, null);
        return ledger.move(id, current.jurisdictionCode(), WarningState.CLOSED, caller.username(), clock.instant(), e -> why);
    }

    @Override
    public Warning convert(Caller caller, long id, String reason) {
        Warning w = managed(caller, id);
        String why = reason(reason, true, null);
        if (!w.state().next().contains(WarningState.CONVERTED)) {
            throw SupervisionException.conflict("预警 " + w.number() + " 当前状态为“" + w.state().label() + "”（" + w.state()
                    + "），不能转为问题");
        }
        FindingService service = findings.get();
        if (service == null) {
            throw new SupervisionException(ProblemKind.UNAVAILABLE, "问题清单服务未启用", "问题清单服务未启用，暂不能将预警转为问题", List.of());
        }
        // the finding in the move's transaction, once the state (read under the lock) allows it: a refused finding
        // leaves the warning as it was, and a second office converting on another node meanwhile creates none
        return ledger.move(id, w.jurisdictionCode(), WarningState.CONVERTED, caller.username(), clock.instant(), e -> {
            Finding f = service.create(caller, w.jurisdictionCode(), new FindingDraft(w.unitId(), FindingSource.warning(w.id()),
                    category(w.rule()), w.level() == WarningLevel.RED ? Severity.SERIOUS : Severity.GENERAL,
                    clip(w.description(), 1_000) + "（由预警 " + w.number() + " 转入：" + clip(why, 900) + "）", clip(String.valueOf(w.values()), 4_000)));
            e.setFindingId(f.id());
            return why + "（问题 " + f.id() + "）";
        });
    }

    /** Keeps texts handed to the findings ledger within its limits (description 2 000, evidence 4 000 characters). */
    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static FindingCategory category(WarningRule rule) {
        return switch (rule) {
            case OVER_STAFFING -> FindingCategory.STAFFING;
            case DISCIPLINE_FINDING -> FindingCategory.DISCIPLINE;
            case VETO, LOW_VIEW, FALLING_SCORE, HOTLINE_ON_TIME -> FindingCategory.DUTY_NOT_PERFORMED;
            case OVERDUE_SELF_REPORT, MISSING_EVIDENCE, OVERDUE_RECTIFICATION, DUTY_NOT_ASSESSED -> FindingCategory.PROCESS_MECHANISM;
        };
    }

    @Override
    public WarningSummary summary(Caller caller, String jurisdictionCode) {
        List<Warning> visible = list(caller, jurisdictionCode, null, null, null);
        Map<WarningLevel, Long> byLevel = new EnumMap<>(WarningLevel.class);
        Map<WarningState, Long> byState = new EnumMap<>(WarningState.class);
        Map<WarningLevel, Map<WarningState, Long>> both = new EnumMap<>(WarningLevel.class);
        for (WarningLevel l : WarningLevel.values()) {
            byLevel.put(l, 0L);
            Map<WarningState, Long> m = new EnumMap<>(WarningState.class);
            for (WarningState s : WarningState.values()) {
                m.put(s, 0L);
            }
            both.put(l, m);
        }
        for (WarningState s : WarningState.values()) {
            byState.put(s, 0L);
        }
        for (Warning w : visible) {
            byLevel.merge(w.level(), 1L, Long::sum);
            byState.merge(w.state(), 1L, Long::sum);
            both.get(w.level()).merge(w.state(), 1L, Long::sum);
        }
        String j = jurisdictionCode == null || jurisdictionCode.isBlank() ? caller.jurisdictionCode() : jurisdictionCode;
        return new WarningSummary(j, visible.size(), byLevel, byState, both);
    }

    @Override
    public List<Warning> evaluate(Caller caller, String jurisdictionCode) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdiction", "必须指定行政区划");
        }
        access().require(caller, Operation.MANAGE_WARNINGS, jurisdictionCode);
        return evaluateJurisdiction(jurisdictionCode, clock.instant(), caller.username()).raised();
    }

    /** What one jurisdiction's evaluation looked at and raised. */
    record Evaluation(List<Warning> raised, long hits, List<String> notes, List<String> failures) { }

    /** Runs the rules for one jurisdiction as the platform and raises what is new; the office hears of new warnings. */
    Evaluation evaluateJurisdiction(String jurisdictionCode, Instant now, String by) {
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        RuleEngine.Outcome outcome = engine.evaluate(Caller.system(PLATFORM), jurisdictionCode, today);
        // evaluations may overlap; raising does not: the second raises only what the first did not
        List<Warning> raised = outcome.hits().isEmpty() ? List.of()
                : ledger.raise(jurisdictionCode, outcome.hits(), outcome.facts().units(), now, by);
        if (!raised.isEmpty()) {
            tellOffice(jurisdictionCode, "WARNING_RAISED", "新增预警 " + raised.size() + " 条",
                    "规则运行新增预警 " + raised.size() + " 条，请及时研判下发。", "/v1/warnings?jurisdiction=" + jurisdictionCode);
        }
        return new Evaluation(raised, outcome.hits().size(), outcome.facts().notes(), outcome.failures());
    }

    /** Every jurisdiction's evaluation, then the reminders due (every {@code reminder.days} until closed). */
    List<Evaluation> evaluateAll(Instant now) {
        List<Evaluation> all = new ArrayList<>();
        for (Jurisdiction j : registry.listJurisdictions(Caller.system(PLATFORM))) {
            try {
                all.add(evaluateJurisdiction(j.code(), now, PLATFORM));
            } catch (RuntimeException e) {
                all.add(new Evaluation(List.of(), 0, List.of(), List.of(j.code() + ": " + e.getMessage())));
            }
        }
        return all;
    }

    /** Sends the reminders due at {@code now}; returns how many warnings were reminded. */
    int remind(Instant now) {
        Instant cutoff = now.minus(java.time.Duration.ofDays(config.reminderDays()));
        // claimed (committed) before they are sent, so that another node's pass sends none of them again; a reminder
        // whose sending fails is sent again a period later
        List<Warning> claimed = ledger.claimReminders(ledger.remindersDue(cutoff), cutoff, now);
        for (Warning w : claimed) {
            if (w.state() == WarningState.TO_DISPATCH) {
                tellOffice(w.jurisdictionCode(), "WARNING_REMINDER", "预警 " + w.number() + " 尚未下发",
                        w.description(), "/v1/warnings/" + w.id());
            } else {
                tellUnit(w, "WARNING_REMINDER", "【提醒】预警 " + w.number() + " 尚未销号");
            }
        }
        return claimed.size();
    }

    private void tellUnit(Warning w, String category, String subject) {
        NotificationService n = notifications.get();
        if (n == null || w.unitCode() == null) {
            LOG.warn("预警 {} 未能通知单位：通知服务未启用", w.number());
            return;
        }
        n.toUnit(w.jurisdictionCode(), w.unitCode(), new Message(category, subject, w.description(), "/v1/warnings/" + w.id()));
    }

    private void tellOffice(String jurisdictionCode, String category, String subject, String body, String link) {
        NotificationService n = notifications.get();
        if (n == null) {
            LOG.warn("{}：通知服务未启用，未通知 {} 编办", subject, jurisdictionCode);
            return;
        }
        n.toOffice(jurisdictionCode, new Message(category, subject, body, link));
    }
}
