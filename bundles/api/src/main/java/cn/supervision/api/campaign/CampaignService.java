package cn.supervision.api.campaign;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/** Supervision campaigns: planning, state transitions with history, rolling into the next period. */
@ProviderType
public interface CampaignService {

    /** Campaigns of the jurisdictions the caller sees; filters apply when not null. */
    List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state);

    Campaign get(Caller caller, long id);

    Campaign create(Caller caller, String jurisdictionCode, CampaignDraft draft);

    /** Replaces a DRAFT's plan (conflict after collection started). */
    Campaign update(Caller caller, long id, CampaignDraft draft);

    /**
     * Moves the campaign on (see {@link CampaignState#next()}); the reason is mandatory. Starting collection fixes the
     * target units and needs a pinned system for every target unit's kind (conflict naming the kinds missing);
     * publishing stores the results as revision 1.
     */
    Campaign transition(Caller caller, long id, CampaignState to, String reason);

    List<Transition> history(Caller caller, long id);

    /** A routine campaign rolls into the next period: a new DRAFT with the same plan. */
    Campaign rollover(Caller caller, long id);

    /**
     * Records an input while the campaign is COLLECTING or SCORING. UNIT_USERs report for their own unit only
     * (SELF_REPORT); evaluators grade (EVALUATOR, a grade with a justification); administrators enter OFFICE figures.
     */
    InputRecord recordInput(Caller caller, long campaignId, long unitId, String code, cn.supervision.api.indicator.IndicatorInput input,
                            InputSource source, String explanation);

    /**
     * Records many inputs of one campaign in one transaction against one reading of the pinned systems: every draft is
     * checked as {@link #recordInput} would, then all are written or none (see {@link InputBatch}). Refusals that
     * concern the whole batch (no such campaign, not collecting, the caller's authority over the campaign) are thrown;
     * a draft's own refusal (a unit outside the campaign, an unknown code, a value its rule cannot take, a source the
     * caller may not use) is answered in its outcome.
     */
    InputBatch recordInputs(Caller caller, long campaignId, List<InputDraft> inputs);

    /**
     * {@link #recordInput} with the caller's {@link RequestKey} (null: exactly {@link #recordInput}). The key is stored
     * in the transaction that writes the input, so a write is never stored without its key nor the key without the
     * write. The same caller sending the same key with the same draft for the same campaign again (a retry after a lost
     * answer, on any node, even once the campaign has moved on) gets the first answer back, {@code replayed}, and
     * nothing is written; the same key with anything else is refused (CONFLICT). A request refused as a whole stores
     * nothing and its key stays free.
     */
    RequestKey.Answer<InputRecord> recordInput(Caller caller, long campaignId, InputDraft draft, RequestKey key);

    /**
     * {@link #recordInputs} with the caller's {@link RequestKey}, kept and replayed as for {@link #recordInput(Caller,
     * long, InputDraft, RequestKey)}. Only a written batch is remembered: a batch with refused drafts wrote nothing,
     * and sending it again under the same key is checked again.
     */
    RequestKey.Answer<InputBatch> recordInputs(Caller caller, long campaignId, List<InputDraft> inputs, RequestKey key);

    /**
     * Records what the campaign accepts of {@code inputs}, for callers that apply many computed values at once: one
     * batch; when drafts are refused, their reasons are kept and the rest goes again once, as one batch. A refusal on
     * that second try means the campaign changed in between and is thrown (kind and reason of the first refused draft,
     * {@code title}); nothing is half-applied. Answers one outcome per draft, in the order given: its record when
     * stored, its refusal and reason when refused.
     */
    default List<InputBatch.Outcome> recordAccepted(Caller caller, long campaignId, List<InputDraft> inputs, String title) {
        InputBatch.Outcome[] outcomes = new InputBatch.Outcome[inputs.size()];
        List<Integer> pending = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            pending.add(i);
        }
        for (boolean firstTry = true; !pending.isEmpty(); firstTry = false) {
            List<Integer> sent = pending;
            InputBatch answer = recordInputs(caller, campaignId, sent.stream().map(inputs::get).toList());
            if (answer.written()) {
                answer.outcomes().forEach(o -> outcomes[sent.get(o.index())] =
                        new InputBatch.Outcome(sent.get(o.index()), o.record(), null, null));
                break;
            }
            List<InputBatch.Outcome> refused = answer.refused();
            if (!firstTry || refused.isEmpty()) {
                InputBatch.Outcome first = refused.isEmpty() ? null : refused.get(0);
                throw new cn.supervision.api.problem.SupervisionException(
                        first == null ? cn.supervision.api.problem.ProblemKind.CONFLICT : first.refusal(), title,
                        first == null ? "监管活动拒绝了这批输入" : first.reason(), null);
            }
            pending = new java.util.ArrayList<>(sent);
            for (InputBatch.Outcome o : refused) {
                outcomes[sent.get(o.index())] = new InputBatch.Outcome(sent.get(o.index()), null, o.refusal(), o.reason());
                pending.set(o.index(), null);
            }
            pending.removeIf(java.util.Objects::isNull);
        }
        return java.util.Arrays.asList(outcomes);
    }

    /** Every input recorded for a unit (UNIT_USERs: their own unit only), oldest first. */
    List<InputRecord> inputs(Caller caller, long campaignId, long unitId);

    /**
     * Scores every target unit from the latest inputs with the pinned system and the categories in use, ranks them
     * and flags units whose duty and corroboration views diverge by more than {@code gapThreshold} points (0–100).
     * Deterministic: the same inputs give the same digits.
     */
    List<UnitResult> results(Caller caller, long campaignId, java.math.BigDecimal gapThreshold);

    /** Units of the campaign with leaves of the categories in use that have no (accepted) input yet. */
    List<Coverage> coverage(Caller caller, long campaignId);

    /** One unit's missing data. */
    record Coverage(long unitId, String unitName, List<String> missingCodes) { }

    /** The stored revisions of a PUBLISHED campaign's results (1 = publication), oldest first. */
    List<ResultRevision> revisions(Caller caller, long campaignId);

    /**
     * Corrects published results: the corrected inputs are recorded (OFFICE), the results recomputed and stored as a
     * new revision with the reason; earlier revisions stay readable.
     */
    ResultRevision correct(Caller caller, long campaignId, String reason, List<Correction> corrections);

    /**
     * The office accepts a self-report (it then counts) or returns it with a reason (the unit reports again: a new
     * record; the returned one stays in the history).
     */
    InputRecord review(Caller caller, long campaignId, long inputId, boolean accept, String note);

    /**
     * Refuses (forbidden or not found) a caller who may not attach evidence to that input: adapters call it before
     * reading an upload's body, so an unauthorised upload is never buffered.
     */
    void checkEvidenceUpload(Caller caller, long campaignId, long inputId);

    /**
     * Attaches an evidence file to an input (the unit for its self-reports, the office for any); size and type limited.
     */
    Evidence attachEvidence(Caller caller, long campaignId, long inputId, String fileName, byte[] content);

    List<Evidence> evidence(Caller caller, long campaignId, long inputId);

    /** The bytes of one evidence file. */
    byte[] evidenceContent(Caller caller, long campaignId, long evidenceId);

    /** One corrected input. */
    record Correction(long unitId, String code, cn.supervision.api.indicator.IndicatorInput input) { }

    /**
     * The leaves the campaign's duty-driven indicators were expanded into when collection started, for every target
     * unit (or one unit), with their current scores. Authority as {@link #results}: before publication only the
     * campaign's own office (and its leaders) read them. Empty before collection and for systems without such a part.
     */
    List<DutyLeaf> dutyLeaves(Caller caller, long campaignId, Long unitId);

    /**
     * The unit's view of the campaign's system: the pinned version for its kind with the duty-driven leaves expanded
     * into its frozen duties, i.e. the codes it reports against. Authority: READ_CAMPAIGN (a unit user: its own unit).
     */
    cn.supervision.api.indicator.SystemDefinition systemFor(Caller caller, long campaignId, long unitId);
}
