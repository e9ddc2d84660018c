package cn.supervision.audit.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.audit.AuditPage;
import cn.supervision.api.audit.AuditQuery;
import cn.supervision.api.audit.ChainVerification;
import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;

/**
 * The audit trail: a facade over its writer (the chain), reader (scoped queries) and verifier. An entry is filed
 * under the caller's jurisdiction; events without one (anonymous requests, failed logins, whose claimed name proves
 * nothing) are filed under the platform's own jurisdiction, the city's, whose office alone reads them.
 */
public class JpaAuditLog implements AuditLog, HealthIndicator, AutoCloseable {
    /** Benchmarks only: {@code -Dsupervision.audit.benchmarkWithout=true} records nothing (logged loudly at start). */
    public static final String WITHOUT_PROPERTY = "supervision.audit.benchmarkWithout";
    static final long LOGIN_WINDOW_MILLIS = 15 * 60 * 1000L;
    private static final Logger LOG = LoggerFactory.getLogger(JpaAuditLog.class);

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final String platformJurisdiction;
    private final AuditWriter writer;
    private final AuditReader reader;
    private final ChainVerifier verifier;
    private final LoginWindow logins = new LoginWindow(LOGIN_WINDOW_MILLIS);
    private final boolean recording;

    public JpaAuditLog(JpaTemplate jpa, RegistryService registry, String platformJurisdiction) {
        this(jpa, registry, platformJurisdiction, !Boolean.getBoolean(WITHOUT_PROPERTY));
    }

    JpaAuditLog(JpaTemplate jpa, RegistryService registry, String platformJurisdiction, boolean recording) {
        this.jpa = jpa;
        this.registry = registry;
        this.platformJurisdiction = platformJurisdiction;
        this.writer = new AuditWriter(jpa);
        this.reader = new AuditReader(jpa);
        this.verifier = new ChainVerifier(jpa);
        this.recording = recording;
        if (!recording) {
            LOG.warn("审计日志已关闭（-D{}=true，仅用于基准测试）：不记录任何操作", WITHOUT_PROPERTY);
        }
    }

    @Override
    public String component() {
        return "audit";
    }

    @Override
    public String problem() {
        if (!writer.accepting()) {
            return "audit writer not accepting entries";
        }
        try {
            jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select count(e) from AuditEntryEntity e where e.sequence = 0",
                    Long.class).getSingleResult());
            return null;
        } catch (RuntimeException e) {
            return "database not reachable";
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void record(AuditEvent event) {
        if (!recording) {
            return;
        }
        AuditEvent e = Entries.normalise(event);
        boolean login = e.action() == AuditAction.LOGIN_SUCCEEDED;
        if (login && !logins.due(String.valueOf(e.username()), String.valueOf(e.source()), e.at().toEpochMilli())) {
            return;
        }
        String jurisdiction = e.jurisdictionCode() == null ? platformJurisdiction : e.jurisdictionCode();
        try {
            writer.append(withJurisdiction(e, jurisdiction), jurisdiction);
        } catch (RuntimeException x) {
            if (login) {
                logins.forget(String.valueOf(e.username()), String.valueOf(e.source()));
            }
            throw x;
        }
    }

    private static AuditEvent withJurisdiction(AuditEvent e, String jurisdiction) {
        return new AuditEvent(e.at(), e.username(), e.roles(), jurisdiction, e.source(), e.channel(), e.action(), e.method(),
                e.resource(), e.recordIds(), e.status());
    }

    @Override
    public boolean accepting() {
        return !recording || writer.accepting();
    }

    // ------------------------------------------------------------------ reading

    @Override
    public AuditPage list(Caller caller, AuditQuery query) {
        AuditQuery q = bounded(query);
        return reader.page(scope(caller, q.jurisdictionCode()), q);
    }

    @Override
    public List<AuditEntry> export(Caller caller, AuditQuery query) {
        AuditQuery q = bounded(query);
        List<AuditEntry> entries = reader.upTo(scope(caller, q.jurisdictionCode()), q, MAX_EXPORT);
        if (entries.size() > MAX_EXPORT) {
            throw SupervisionException.invalid("to", "导出的审计记录超过 " + MAX_EXPORT + " 条，请缩小时间范围或增加筛选条件");
        }
        return entries;
    }

    @Override
    public ChainVerification verify(Caller caller) {
        if (!caller.isSystem()) {
            throw SupervisionException.forbidden("只有平台运维人员（控制台）可以校验审计日志链");
        }
        return verifier.verify();
    }

    private static AuditQuery bounded(AuditQuery q) {
        AuditQuery query = q == null ? AuditQuery.all() : q;
        if (query.offset() < 0) {
            throw SupervisionException.invalid("offset", "不能为负数");
        }
        if (query.limit() < 1 || query.limit() > AuditQuery.MAX_LIMIT) {
            throw SupervisionException.invalid("limit", "应在 1 到 " + AuditQuery.MAX_LIMIT + " 之间");
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw SupervisionException.invalid("from", "开始时间晚于结束时间");
        }
        return query;
    }

    /**
     * The jurisdictions whose entries the caller reads: those the policy grants READ_AUDIT on (its own and those
     * below), narrowed to {@code within} and what lies below it. {@code null} means every entry (the platform itself).
     */
    private Set<String> scope(Caller caller, String within) {
        Access access = registry.access();
        if (!caller.isSystem()) {
            if (caller.jurisdictionCode() == null) {
                throw SupervisionException.forbidden("当前用户无权" + Operation.READ_AUDIT.label());
            }
            access.require(caller, Operation.READ_AUDIT, caller.jurisdictionCode());
        }
        if (within != null) {
            access.require(caller, Operation.READ_AUDIT, within);
        } else if (caller.isSystem()) {
            return null;
        }
        List<Jurisdiction> visible = registry.listJurisdictions(caller);
        Set<String> codes = new HashSet<>();
        for (Jurisdiction j : access.filter(caller, Operation.READ_AUDIT, visible, x -> cn.supervision.api.security.Target.of(x.code()))) {
            codes.add(j.code());
        }
        if (within != null) {
            codes.retainAll(below(visible, within));
        }
        return codes;
    }

    /** {@code root} and every jurisdiction under it, by parent links. */
    private static Set<String> below(List<Jurisdiction> jurisdictions, String root) {
        Map<String, String> parent = new HashMap<>();
        jurisdictions.forEach(j -> parent.put(j.code(), j.parentCode()));
        Set<String> result = new HashSet<>();
        for (Jurisdiction j : jurisdictions) {
            for (String c = j.code(); c != null; c = parent.get(c)) {
                if (c.equals(root)) {
                    result.add(j.code());
                    break;
                }
            }
        }
        result.add(root);
        return result;
    }

    /** Stops the writer (blueprint destroy-method); entries already queued are refused with 503. */
    @Override
    public void close() {
        writer.close();
    }
}
