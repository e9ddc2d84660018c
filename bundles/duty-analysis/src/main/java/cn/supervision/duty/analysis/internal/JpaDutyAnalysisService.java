package cn.supervision.duty.analysis.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.duty.AnalysisRun;
import cn.supervision.api.duty.DutyAnalysisService;
import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.duty.ProposalState;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.duty.analysis.internal.model.DutyProposalEntity;

/**
 * The duty analysis on OpenJPA: a facade over the corpus loader, the analyser and the findings a confirmation makes.
 * A run stores only the candidates whose key is new, all in one transaction, so a pair is proposed once whatever was
 * decided (a second run racing the first fails on the unique key as a whole, 409, and can be repeated; any other
 * storage failure is logged and thrown on, a 500). Decisions are {@link ProposalDecisions}: a confirmation claims the
 * proposal, records its findings (reusing those an interrupted attempt made), then confirms with their ids at once.
 */
public class JpaDutyAnalysisService implements DutyAnalysisService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JpaDutyAnalysisService.class);
    static final int MAX_REASON = 500;
    /** New proposals stored by one run, most similar overlaps and least held gaps first; the rest come next run. */
    static final int MAX_NEW_PER_RUN = 5_000;
    /** The name of the pair key's constraint, as the database reports it when the key refuses a row. */
    static final String UNIQUE_KEY = "UQ_DUTY_PROPOSAL_KEY";

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final CorpusLoader loader;
    private final TermAnalyzer terms = new TermAnalyzer();
    private final DutyAnalyser analyser = new DutyAnalyser(terms);
    private final ProposalFindings findingsOf;
    private final ProposalDecisions decisions;
    private final AnalysisSettings settings;
    private final Clock clock;

    public JpaDutyAnalysisService(JpaTemplate jpa, RegistryService registry, DutyDirectory duties, PowerListService powerLists,
                                  FindingService findings, AnalysisSettings settings) {
        this(jpa, registry, duties, powerLists, findings, settings, Clock.systemDefaultZone());
    }

    JpaDutyAnalysisService(JpaTemplate jpa, RegistryService registry, DutyDirectory duties, PowerListService powerLists,
                           FindingService findings, AnalysisSettings settings, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.loader = new CorpusLoader(registry, duties, powerLists);
        this.findingsOf = new ProposalFindings(registry, findings);
        this.decisions = new ProposalDecisions(jpa, clock);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public AnalysisRun analyse(Caller caller, String jurisdictionCode) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdiction", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_DUTY_ANALYSIS, jurisdictionCode);
        long started = System.nanoTime();
        CorpusLoader.Corpus corpus = loader.load(caller, jurisdictionCode);
        DutyAnalyser.Result result = analyser.analyse(corpus.docs(), settings);
        List<DutyAnalyser.Candidate> candidates = new ArrayList<>(result.overlaps());
        candidates.addAll(result.gaps().stream()
                .sorted((a, b) -> Double.compare(a.similarity(), b.similarity())).toList());
        long now = clock.millis();
        int[] counts = new int[3];
        try {
            jpa.tx(TransactionType.Required, em -> {
                Set<String> known = new HashSet<>(em.createQuery("select p.pairKey from DutyProposalEntity p where p.jurisdictionCode = :j",
                        String.class).setParameter("j", jurisdictionCode).getResultList());
                int stored = 0;
                for (DutyAnalyser.Candidate c : candidates) {
                    if (known.contains(c.key())) {
                        counts[2]++;
                    } else if (stored < MAX_NEW_PER_RUN) {
                        em.persist(ProposalRecords.entity(jurisdictionCode, c, caller.username(), now));
                        counts[c.kind() == ProposalKind.OVERLAP ? 0 : 1]++;
                        stored++;
                    }
                }
            });
        } catch (RuntimeException e) {
            if (!writeConflict(e)) {
                LOG.error("Duty analysis of {} by {} could not store its proposals", jurisdictionCode, caller.username(), e);
                throw e;
            }
            LOG.info("Duty analysis of {} by {} met a concurrent run: {}", jurisdictionCode, caller.username(), e.toString());
            throw SupervisionException.conflict("同一行政区划的另一次分析同时写入了建议，请重新分析");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Duty analysis of {} by {}: {} texts ({} too short), {} new overlaps, {} new gaps, {} known, {} ms",
                jurisdictionCode, caller.username(), corpus.docs().size(), result.tooShort(), counts[0], counts[1], counts[2], millis);
        return new AnalysisRun(jurisdictionCode, corpus.duties(), corpus.items(), counts[0], counts[1], counts[2], millis,
                Instant.ofEpochMilli(now), caller.username());
    }

    @Override
    public List<DutyProposal> proposals(Caller caller, String jurisdictionCode, ProposalKind kind, ProposalState state) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdiction", "必填");
        }
        registry.access().require(caller, Operation.READ_DUTY_ANALYSIS, jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select p from DutyProposalEntity p where p.jurisdictionCode = :j"
                    + (kind == null ? "" : " and p.kind = :k") + (state == null ? "" : " and p.state = :s")
                    + " order by p.similarity desc, p.id", DutyProposalEntity.class).setParameter("j", jurisdictionCode);
            if (kind != null) {
                q.setParameter("k", kind);
            }
            if (state != null) {
                q.setParameter("s", state);
            }
            return q.getResultList().stream().map(ProposalRecords::value).toList();
        });
    }

    @Override
    public DutyProposal get(Caller caller, long id) {
        DutyProposal p = ProposalRecords.value(entity(id));
        registry.access().require(caller, Operation.READ_DUTY_ANALYSIS, p.jurisdictionCode());
        return p;
    }

    @Override
    public DutyProposal confirm(Caller caller, long id, String reason) {
        String why = decidable(caller, id, reason);
        String token = decisions.claim(id, caller.username());
        if (token == null) {
            throw refused(id, ProposalState.CONFIRMED);
        }
        List<Long> ids = List.of();
        try {
            ids = findingsOf.record(caller, ProposalRecords.value(entity(id)), why);
            if (!decisions.confirm(id, token, caller.username(), why, ids)) {
                throw refused(id, ProposalState.CONFIRMED);
            }
        } catch (RuntimeException e) {
            // the findings made stay in the ledger; confirming again takes them up
            LOG.warn("Confirming duty proposal #{} by {} failed (findings {}): {}", id, caller.username(), ids, e.toString());
            try {
                decisions.release(id, token);
            } catch (RuntimeException again) {
                LOG.warn("Duty proposal #{} stays claimed until its claim lapses: {}", id, again.toString());
            }
            throw e;
        }
        LOG.info("Duty proposal #{} confirmed by {}: findings {}", id, caller.username(), ids);
        return ProposalRecords.value(entity(id));
    }

    @Override
    public DutyProposal dismiss(Caller caller, long id, String reason) {
        String why = decidable(caller, id, reason);
        if (!decisions.dismiss(id, caller.username(), why)) {
            throw refused(id, ProposalState.DISMISSED);
        }
        LOG.info("Duty proposal #{} dismissed by {}", id, caller.username());
        return ProposalRecords.value(entity(id));
    }

    /** Authority and reason; the reason as it will be kept. */
    private String decidable(Caller caller, long id, String reason) {
        DutyProposalEntity e = entity(id);
        registry.access().require(caller, Operation.MANAGE_DUTY_ANALYSIS, e.getJurisdictionCode());
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw SupervisionException.invalid("reason", "必须说明理由");
        }
        if (why.length() > MAX_REASON) {
            throw SupervisionException.invalid("reason", "不超过 " + MAX_REASON + " 个字");
        }
        return why;
    }

    /** 409: someone decided first, or a confirmation is under way. */
    private SupervisionException refused(long id, ProposalState to) {
        DutyProposalEntity now = entity(id);
        String verb = to == ProposalState.CONFIRMED ? "确认" : "排除";
        if (now.getState() == ProposalState.PROPOSED) {
            return SupervisionException.conflict("建议 " + id + " 正由 " + (now.getClaimedBy() == null ? "他人" : now.getClaimedBy()) + " 确认，不能同时" + verb + "，请稍后再试");
        }
        return SupervisionException.conflict("建议 " + id + " 已" + now.getState().label() + "（" + now.getDecidedBy() + "），不能再" + verb);
    }

    /**
     * The unique pair key refused a row: another run stored the same pair first, and running again helps. Any other
     * failure (a column too long, the database gone) is no conflict and must not be answered as one.
     */
    static boolean writeConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().toUpperCase(Locale.ROOT).contains(UNIQUE_KEY)) {
                return true;
            }
        }
        return false;
    }

    private DutyProposalEntity entity(long id) {
        DutyProposalEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(DutyProposalEntity.class, id));
        if (e == null) {
            throw SupervisionException.notFound("职责交叉空白分析建议 " + id + " 不存在");
        }
        return e;
    }

    @Override
    public void close() {
        terms.close();
    }
}
