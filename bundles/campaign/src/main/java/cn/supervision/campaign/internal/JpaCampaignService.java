package cn.supervision.campaign.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDraft;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.RequestKey;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.Transition;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.campaign.internal.model.CampaignEntity;

/**
 * Campaigns on OpenJPA: reads a campaign once per call, checks the caller may read it and hands the work to the
 * collaborator whose job it is. Authority comes from the registry, pinned systems from the indicator service.
 */
public class JpaCampaignService implements CampaignService {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final CampaignAccess access;
    private final Records records = new Records();
    private final UnitSystems views;
    private final ResultsBook book;
    private final Planning planning;
    private final Transitions transitions;
    private final InputRecorder recorder;
    private final InputReview review;
    private final Revisions revisions;
    private final EvidenceDesk evidence;
    private final UnitProgress progress;

    public JpaCampaignService(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems) {
        this(jpa, registry, systems, Scoring.DEFAULT_BANDS);
    }

    /** {@code gradeBands} from etc/cn.supervision.campaign.cfg, e.g. "优秀:90,良好:80,一般:60,较差:0". */
    public JpaCampaignService(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, String gradeBands) {
        this(jpa, registry, systems, Scoring.parseBands(gradeBands));
    }

    JpaCampaignService(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, List<Scoring.Band> gradeBands) {
        this(jpa, registry, systems, gradeBands, Clock.systemUTC());
    }

    /** Tests control time: deadlines are judged against this clock. */
    JpaCampaignService(JpaTemplate jpa, RegistryService registry, IndicatorSystemService systems, List<Scoring.Band> gradeBands,
                       Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.access = new CampaignAccess(jpa, registry, records);
        this.views = new UnitSystems(jpa, systems);
        this.book = new ResultsBook(jpa, registry, views, records, gradeBands);
        this.planning = new Planning(jpa, access, new PlanValidator(registry, systems), records, clock);
        this.transitions = new Transitions(jpa, access, records, views, systems, book, clock);
        this.recorder = new InputRecorder(jpa, access, views, records, clock, rows -> book.absorb(rows.get(0).getCampaignId(), rows));
        this.review = new InputReview(jpa, access, records, clock, rows -> book.absorb(rows.get(0).getCampaignId(), rows));
        this.revisions = new Revisions(jpa, access, records, views, book, clock);
        this.evidence = new EvidenceDesk(jpa, access, clock);
        this.progress = new UnitProgress(access, views, book);
    }

    /** The registry's duties, frozen when a campaign with a duty-driven indicator starts collecting (Blueprint sets it). */
    public void setDuties(DutyDirectory duties) {
        transitions.duties = duties;
    }

    /** Optional: tells the target units when collection starts (Blueprint sets it; most domain tests leave it null). */
    public void setCollectionNotices(CollectionNotices collectionNotices) {
        transitions.collectionNotices = collectionNotices;
    }

    /** Optional: where publication is announced (Blueprint sets it; domain tests leave it null). */
    public void setEvents(PublicationEvents events) {
        transitions.events = events;
    }

    @Override
    public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
        Set<String> visible = jurisdictionCode != null ? Set.of(registry.getJurisdiction(caller, jurisdictionCode).code())
                : registry.listJurisdictions(caller).stream().map(Jurisdiction::code).collect(Collectors.toSet());
        List<Campaign> found = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select c from CampaignEntity c where c.jurisdictionCode in :codes"
                    + (state == null ? "" : " and c.state = :state") + " order by c.id", CampaignEntity.class)
                    .setParameter("codes", visible);
            if (state != null) {
                q.setParameter("state", state);
            }
            return q.getResultList().stream().map(records::campaign).toList();
        });
        return registry.access().filter(caller, Operation.READ_CAMPAIGN, found, CampaignAccess::target).stream()
                .map(c -> access.visibleTo(caller, c)).toList();
    }

    @Override
    public Campaign get(Caller caller, long id) {
        return access.visibleTo(caller, access.read(caller, id));
    }

    @Override
    public Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft) {
        return planning.create(caller, jurisdictionCode, draft);
    }

    @Override
    public Campaign update(Caller caller, long id, CampaignDraft draft) {
        return planning.update(caller, id, draft);
    }

    @Override
    public Campaign rollover(Caller caller, long id) {
        return planning.rollover(caller, id);
    }

    @Override
    public Campaign transition(Caller caller, long id, CampaignState to, String reason) {
        return transitions.transition(caller, id, to, reason);
    }

    @Override
    public List<Transition> history(Caller caller, long id) {
        return transitions.history(caller, id);
    }

    @Override
    public InputRecord recordInput(Caller caller, long campaignId, long unitId, String code, IndicatorInput input,
                                   InputSource source, String explanation) {
        return recordInput(caller, campaignId, new InputDraft(unitId, code, input, source, explanation), null).answer();
    }

    @Override
    public RequestKey.Answer<InputRecord> recordInput(Caller caller, long campaignId, InputDraft draft, RequestKey key) {
        return recorder.recordOne(caller, access.read(caller, campaignId), draft, key);
    }

    @Override
    public InputBatch recordInputs(Caller caller, long campaignId, List<InputDraft> inputs) {
        return recordInputs(caller, campaignId, inputs, null).answer();
    }

    @Override
    public RequestKey.Answer<InputBatch> recordInputs(Caller caller, long campaignId, List<InputDraft> inputs, RequestKey key) {
        return recorder.record(caller, access.read(caller, campaignId), inputs, key);
    }

    @Override
    public List<InputRecord> inputs(Caller caller, long campaignId, long unitId) {
        return review.inputs(caller, access.read(caller, campaignId), unitId);
    }

    @Override
    public InputRecord review(Caller caller, long campaignId, long inputId, boolean accept, String note) {
        return review.review(caller, access.read(caller, campaignId), inputId, accept, note);
    }

    @Override
    public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) {
        return revisions.results(caller, campaignId, gapThreshold);
    }

    @Override
    public List<ResultRevision> revisions(Caller caller, long campaignId) {
        return revisions.revisions(caller, campaignId);
    }

    @Override
    public ResultRevision correct(Caller caller, long campaignId, String reason, List<Correction> corrections) {
        return revisions.correct(caller, campaignId, reason, corrections);
    }

    @Override
    public List<Coverage> coverage(Caller caller, long campaignId) {
        return progress.coverage(caller, access.read(caller, campaignId));
    }

    @Override
    public List<DutyLeaf> dutyLeaves(Caller caller, long campaignId, Long unitId) {
        Campaign c = access.read(caller, campaignId);
        access.requireResults(caller, c);
        Unit unit = progress.target(caller, c, unitId);
        if (c.targetUnitIds() == null) {
            return List.of();
        }
        // the scores are those of the result rows the caller may read (the latest revision once published)
        List<UnitResult> rows = results(caller, campaignId, null);
        UnitProgress.requireRow(c, unit, rows);
        return progress.dutyLeaves(caller, c, unitId, rows);
    }

    @Override
    public SystemDefinition systemFor(Caller caller, long campaignId, long unitId) {
        return progress.systemFor(caller, access.read(caller, campaignId), unitId);
    }

    @Override
    public void checkEvidenceUpload(Caller caller, long campaignId, long inputId) {
        evidence.checkUpload(caller, access.read(caller, campaignId), inputId);
    }

    @Override
    public Evidence attachEvidence(Caller caller, long campaignId, long inputId, String fileName, byte[] content) {
        return evidence.attach(caller, access.read(caller, campaignId), inputId, fileName, content);
    }

    @Override
    public List<Evidence> evidence(Caller caller, long campaignId, long inputId) {
        return evidence.list(caller, access.read(caller, campaignId), inputId);
    }

    @Override
    public byte[] evidenceContent(Caller caller, long campaignId, long evidenceId) {
        return evidence.content(caller, access.read(caller, campaignId), evidenceId);
    }

    /** Blueprint's destroy-method: the results snapshot queued is written before the bundle stops. */
    public void close() {
        book.close();
    }

    /** For the benchmark: the snapshot queued by its last phase written before the next phase is timed. */
    void flushSnapshotsForBench() {
        book.flushSnapshots();
    }

    /** For the benchmark: the cache, to make every unit dirty again. */
    CampaignScores cacheForBench(long campaignId) {
        return book.cache(access.read(Caller.system("bench"), campaignId));
    }
}
