package cn.supervision.campaign.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputBatch;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.LatePolicy;
import cn.supervision.api.campaign.RequestKey;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.campaign.internal.model.InputEntity;

/**
 * Records inputs, one or a batch, all or nothing. A single input is a batch of one whose refusal is thrown, so both
 * paths check a draft with the same code. The write re-checks under the campaign row's lock that the campaign still
 * collects: a transition that commits between the check and the write refuses the whole batch instead of letting it
 * land in a published campaign. A keyed request (the caller's Idempotency-Key) is remembered in the same transaction
 * and a retry of it answered from what it wrote ({@link RequestKeys}).
 */
final class InputRecorder {
    static final int MAX_EXPLANATION = 2_000;
    /**
     * Drafts per batch. A batch is one transaction holding its row locks until the last draft is written; the largest
     * real one (a questionnaire or platform-data application: a city's units × the bound indicators) stays well below.
     */
    static final int MAX_BATCH = 10_000;

    private final JpaTemplate jpa;
    private final CampaignAccess access;
    private final UnitSystems views;
    private final Records records;
    private final Clock clock;
    private final RequestKeys keys;
    /** Where written inputs go next (the results cache), once per batch after commit. */
    private final Consumer<List<InputEntity>> written;

    InputRecorder(JpaTemplate jpa, CampaignAccess access, UnitSystems views, Records records, Clock clock,
                  Consumer<List<InputEntity>> written) {
        this.jpa = jpa;
        this.access = access;
        this.views = views;
        this.records = records;
        this.clock = clock;
        this.keys = new RequestKeys(jpa, records, clock);
        this.written = written;
    }

    /**
     * One input; with a {@code key} (else null) a retry of a request already written is answered from it, before the
     * draft is checked again: the campaign may have moved on since, the answer stays the first one.
     */
    RequestKey.Answer<InputRecord> recordOne(Caller caller, Campaign c, InputDraft draft, RequestKey key) {
        RequestKeys.Request request = keys.request(caller, c.id(), false, Collections.singletonList(draft), key);
        List<InputRecord> earlier = request == null ? null : keys.earlier(request, c);
        if (earlier != null) {
            return new RequestKey.Answer<>(earlier.get(0), true);
        }
        Checked checked = check(caller, c, Collections.singletonList(draft));
        if (checked.refusals[0] != null) {
            throw checked.refusals[0];
        }
        Written w = write(c, checked.entities, request);
        return new RequestKey.Answer<>(w.records().get(0), w.replayed());
    }

    /** A batch, all or nothing; with a {@code key} (else null) kept and replayed as for {@link #recordOne}. */
    RequestKey.Answer<InputBatch> record(Caller caller, Campaign c, List<InputDraft> drafts, RequestKey key) {
        if (drafts == null) {
            throw SupervisionException.invalid("inputs", "必须提供输入");
        }
        if (drafts.size() > MAX_BATCH) {
            throw new SupervisionException(ProblemKind.TOO_LARGE, "输入过多",
                    "一批最多 " + MAX_BATCH + " 项输入，收到 " + drafts.size() + " 项，请分批提交", null);
        }
        RequestKeys.Request request = keys.request(caller, c.id(), true, drafts, key);
        List<InputRecord> earlier = request == null ? null : keys.earlier(request, c);
        if (earlier != null) {
            return new RequestKey.Answer<>(written(earlier), true);
        }
        Checked checked = check(caller, c, drafts);
        if (checked.refused()) {
            List<InputBatch.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                SupervisionException r = checked.refusals[i];
                outcomes.add(new InputBatch.Outcome(i, null, r == null ? null : r.kind(), r == null ? null : r.getMessage()));
            }
            return new RequestKey.Answer<>(new InputBatch(false, outcomes), false);
        }
        Written w = write(c, checked.entities, request);
        return new RequestKey.Answer<>(written(w.records()), w.replayed());
    }

    private static InputBatch written(List<InputRecord> stored) {
        List<InputBatch.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            outcomes.add(new InputBatch.Outcome(i, stored.get(i), null, null));
        }
        return new InputBatch(true, outcomes);
    }

    private static void requireCollecting(CampaignState state) {
        if (state != CampaignState.COLLECTING && state != CampaignState.SCORING) {
            throw SupervisionException.conflict("监管活动处于“" + state + "”阶段，不接受输入");
        }
    }

    /** The drafts as rows to write, or each refused draft's refusal; campaign-wide refusals are thrown. */
    private Checked check(Caller caller, Campaign c, List<InputDraft> drafts) {
        requireCollecting(c.state());
        long now = clock.millis();
        Checked out = new Checked(drafts.size());
        Map<Long, Scope> scopes = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            InputDraft d = drafts.get(i);
            try {
                if (d == null) {
                    throw SupervisionException.invalid("inputs[" + i + "]", "缺少输入");
                }
                out.entities.add(check(caller, c, d, now, scopes.computeIfAbsent(d.unitId(), u -> scope(caller, c, u))));
            } catch (SupervisionException e) {
                out.refusals[i] = e;
            }
        }
        return out;
    }

    /** What every draft for one unit shares, read once per batch; a refusal to read the unit is kept for each of its drafts. */
    private Scope scope(Caller caller, Campaign c, long unitId) {
        if (c.targetUnitIds() == null || !c.targetUnitIds().contains(unitId)) {
            return new Scope(null, null, null, SupervisionException.invalid("unitId", "单位 " + unitId + " 不是本次监管活动的对象"));
        }
        try {
            Unit unit = access.registry().getUnit(caller, unitId); // a UNIT_USER sees only its own unit
            SystemDefinition view = views.view(c, unit);
            return new Scope(unit, view, view == null ? Set.of() : SystemCodes.inputCodes(view), null);
        } catch (SupervisionException e) {
            return new Scope(null, null, null, e);
        }
    }

    private record Scope(Unit unit, SystemDefinition view, Set<String> codes, SupervisionException refusal) {
    }

    private static final class Checked {
        final List<InputEntity> entities = new ArrayList<>();
        final SupervisionException[] refusals;

        Checked(int size) {
            refusals = new SupervisionException[size];
        }

        boolean refused() {
            for (SupervisionException r : refusals) {
                if (r != null) {
                    return true;
                }
            }
            return false;
        }
    }

    private InputEntity check(Caller caller, Campaign c, InputDraft d, long now, Scope scope) {
        if (scope.refusal() != null) {
            throw scope.refusal();
        }
        Unit unit = scope.unit();
        String code = d.code();
        IndicatorInput input = d.input();
        InputSource source = d.source();
        String explanation = d.explanation();
        Access policy = access.registry().access();
        if (source == null || input == null) {
            throw SupervisionException.invalid("source",
                    "必须提供输入及其来源（SELF_REPORT、OFFICE、EVALUATOR、PEER_REVIEW、PUBLIC_EVALUATION、PLATFORM_DATA）");
        }
        IndicatorInput recorded = input;
        switch (source) {
            case SELF_REPORT -> policy.require(caller, Operation.WRITE_SELF_REPORT, CampaignAccess.target(c, unit));
            case OFFICE, PEER_REVIEW, PUBLIC_EVALUATION, PLATFORM_DATA ->
                    policy.require(caller, Operation.WRITE_OFFICE_INPUT, CampaignAccess.target(c));
            case EVALUATOR -> {
                policy.require(caller, Operation.WRITE_GRADE, CampaignAccess.target(c));
                // a member assigned a duty-driven indicator grades the duties it was expanded into for each unit
                String template = SystemCodes.templateOf(scope.view(), code);
                if (c.workingGroup().stream().noneMatch(m -> m.username().equals(caller.username())
                        && (m.grades(code, unit.id()) || (template != null && m.grades(template, unit.id()))))) {
                    throw SupervisionException.forbidden("只有工作组中分配了该指标和单位的评价人可以评定等次");
                }
                if (input.grades().size() != 1 || input.grades().get(0).label() == null
                        || input.grades().get(0).justification() == null || input.grades().get(0).justification().isBlank()) {
                    throw SupervisionException.invalid("input.grades", "评价人每次评定一个等次，且必须写明理由");
                }
                IndicatorInput.Grade g = input.grades().get(0);
                recorded = IndicatorInput.grades(List.of(new IndicatorInput.Grade(caller.username(), g.label(), g.justification())));
            }
        }
        if (explanation != null && explanation.length() > MAX_EXPLANATION) {
            throw SupervisionException.invalid("explanation", "说明不能超过 " + MAX_EXPLANATION + " 个字符");
        }
        // the unit's own codes: a duty-driven indicator is reported duty by duty (D1.1-3), never as the template (D1.1)
        SystemDefinition definition = scope.view();
        if (definition == null || !scope.codes().contains(code)) {
            throw SupervisionException.invalid("code", "指标 " + code + " 不是该单位所用指标体系中的末级指标或加减分项");
        }
        boolean adjustment = definition.adjustments().stream().anyMatch(a -> a.code().equals(code));
        if ((source == InputSource.OFFICE || adjustment) && (explanation == null || explanation.isBlank())) {
            // like an evaluator's grade, a figure the office sets and every bonus or deduction must say why
            throw SupervisionException.invalid("explanation", adjustment ? "加分、减分和否决项必须写明依据" : "机构编制部门录入的数据必须写明依据");
        }
        if (source == InputSource.PEER_REVIEW || source == InputSource.PUBLIC_EVALUATION || source == InputSource.PLATFORM_DATA) {
            Category channel = Category.valueOf(source.name());
            if (SystemCodes.leaves(definition).stream().noneMatch(n -> n.code().equals(code) && n.category() == channel)) {
                throw SupervisionException.invalid("code", "指标 " + code + " 不属于“" + channel.label() + "”类别，不能由该渠道的数据计分");
            }
        }
        if (source == InputSource.SELF_REPORT && Records.late(c, now) && c.latePolicy() == LatePolicy.REFUSE
                && !answersReturned(c.id(), unit.id(), code)) {
            throw SupervisionException.conflict("采集已于 " + c.collectionDeadline() + " 截止，本活动不接受逾期自评（可请机构编制部门退回后补报）");
        }
        return new InputEntity(c.id(), unit.id(), code, source, records.write(recorded), explanation, caller.username(), now);
    }

    /** Whether the unit's latest self-report for the code was returned by the office: answering it is never refused. */
    private boolean answersReturned(long campaignId, long unitId, String code) {
        List<ReviewStatus> latest = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select i.review from InputEntity i"
                        + " where i.campaignId = :c and i.unitId = :u and i.code = :k and i.source = :s order by i.id desc", ReviewStatus.class)
                .setParameter("c", campaignId).setParameter("u", unitId).setParameter("k", code).setParameter("s", InputSource.SELF_REPORT)
                .setMaxResults(1).getResultList());
        return !latest.isEmpty() && latest.get(0) == ReviewStatus.RETURNED;
    }

    /** What a write answers: the records stored, or (replayed) those its key's first request stored. */
    private record Written(List<InputRecord> records, boolean replayed) { }

    /** Thrown inside the write's transaction to roll its claim back when the key's first request is found under the lock. */
    private static final class Replayed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<InputRecord> records;

        Replayed(List<InputRecord> records) {
            super(null, null, false, false);
            this.records = records;
        }
    }

    private Written write(Campaign c, List<InputEntity> rows, RequestKeys.Request request) {
        if (rows.isEmpty()) {
            return new Written(List.of(), false);
        }
        try {
            jpa.tx(TransactionType.Required, em -> {
                long version = InputClaim.claim(em, c.id(), CampaignState.COLLECTING, CampaignState.SCORING);
                if (request != null) {
                    // under the campaign row's lock: a first attempt of this request that committed meanwhile is visible now
                    List<InputRecord> earlier = keys.earlier(em, request, c);
                    if (earlier != null) {
                        throw new Replayed(earlier);
                    }
                }
                if (version == 0) {
                    requireCollecting(Records.find(em, c.id()).getState());
                    throw SupervisionException.conflict("监管活动状态已被他人修改，请刷新");
                }
                rows.forEach(r -> {
                    r.setInputVersion(version);
                    em.persist(r);
                });
                if (request != null) {
                    keys.remember(em, request, rows, rows.get(0).getEnteredAt());
                }
            });
        } catch (Replayed r) {
            return new Written(r.records, true);
        }
        written.accept(rows);
        if (request != null) {
            keys.pruneNow();
        }
        return new Written(rows.stream().map(e -> records.record(e, c)).toList(), false);
    }
}
