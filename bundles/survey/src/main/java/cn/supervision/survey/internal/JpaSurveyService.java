package cn.supervision.survey.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.survey.AccessRecord;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Application;
import cn.supervision.api.survey.Channel;
import cn.supervision.api.survey.IndicatorBinding;
import cn.supervision.api.survey.Outlier;
import cn.supervision.api.survey.PeerPair;
import cn.supervision.api.survey.PeerTask;
import cn.supervision.api.survey.Progress;
import cn.supervision.api.survey.PublicForm;
import cn.supervision.api.survey.Question;
import cn.supervision.api.survey.QuestionType;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireDraft;
import cn.supervision.api.survey.QuestionnaireKind;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.api.survey.Receipt;
import cn.supervision.api.survey.Respondent;
import cn.supervision.api.survey.RespondentCategory;
import cn.supervision.api.survey.Response;
import cn.supervision.api.survey.Submission;
import cn.supervision.api.survey.SurveyService;
import cn.supervision.api.survey.Token;
import cn.supervision.api.survey.TokenRequest;
import cn.supervision.survey.internal.model.AccessEntity;
import cn.supervision.survey.internal.model.OutlierDecisionEntity;
import cn.supervision.survey.internal.model.QuestionnaireEntity;
import cn.supervision.survey.internal.model.ResponseEntity;
import cn.supervision.survey.internal.model.TokenEntity;

/** Questionnaires on OpenJPA. Campaign, registry and indicator services decide authority and what may be fed. */
public class JpaSurveyService implements SurveyService {
    static final int MAX_QUESTIONS = 50;
    static final int MAX_TEXT_ANSWER = 1_000;
    static final int MAX_TOKENS_PER_REQUEST = 10_000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{5,20}");
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() { };
    private static final TypeReference<List<PeerPair>> PAIRS = new TypeReference<>() { };
    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() { };

    private final JpaTemplate jpa;
    private final CampaignService campaigns;
    private final RegistryService registry;
    private final IndicatorSystemService systems;
    private final int linkSubmissionsPerHour;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Open questionnaires as the public pages need them, so an answer costs one insert and no lookup of the definition. */
    private final Map<Long, Questionnaire> openCache = new ConcurrentHashMap<>();
    /** Submission times per client address of the shared links (sliding hour). */
    private final Map<String, Deque<Long>> linkClients = new ConcurrentHashMap<>();
    private final ResponseWriter writer;

    public JpaSurveyService(JpaTemplate jpa, CampaignService campaigns, RegistryService registry, IndicatorSystemService systems,
                            int linkSubmissionsPerHour) {
        this(jpa, campaigns, registry, systems, linkSubmissionsPerHour, Clock.systemUTC());
    }

    JpaSurveyService(JpaTemplate jpa, CampaignService campaigns, RegistryService registry, IndicatorSystemService systems,
                     int linkSubmissionsPerHour, Clock clock) {
        this.jpa = jpa;
        this.campaigns = campaigns;
        this.registry = registry;
        this.systems = systems;
        this.linkSubmissionsPerHour = linkSubmissionsPerHour;
        this.clock = clock;
        this.writer = new ResponseWriter(jpa);
    }

    // ------------------------------------------------------------------ definitions

    @Override
    public List<Questionnaire> list(Caller caller, long campaignId) {
        Campaign c = campaigns.get(caller, campaignId);
        requireReader(caller, c.jurisdictionCode());
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select q from QuestionnaireEntity q where q.campaignId = :c order by q.id", QuestionnaireEntity.class)
                .setParameter("c", campaignId).getResultList().stream().map(this::toValue).toList());
    }

    @Override
    public Questionnaire get(Caller caller, long id) {
        Questionnaire q = jpa.txExpr(TransactionType.Supports, em -> toValue(find(em, id)));
        boolean rater = q.definition().kind() == QuestionnaireKind.PEER_REVIEW && caller.unitCode() != null
                && registry.access().may(caller, Operation.ANSWER_PEER_REVIEW, Target.unit(q.jurisdictionCode(), caller.unitCode()));
        if (!rater) {
            requireReader(caller, q.jurisdictionCode()); // units read only their own jurisdiction's peer reviews
        }
        return q;
    }

    @Override
    public Questionnaire create(Caller caller, long campaignId, QuestionnaireDraft draft) {
        Campaign c = campaigns.get(caller, campaignId);
        requireOffice(caller, c.jurisdictionCode());
        if (c.state() == CampaignState.PUBLISHED) {
            throw SupervisionException.conflict("监管活动已发布，不能再新建问卷");
        }
        QuestionnaireDraft d = checked(caller, c, draft);
        QuestionnaireEntity e = new QuestionnaireEntity(campaignId, c.jurisdictionCode(), d.kind().name(), write(d),
                caller.username(), clock.millis());
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        return toValue(e);
    }

    @Override
    public Questionnaire update(Caller caller, long id, QuestionnaireDraft draft) {
        Questionnaire q = office(caller, id);
        if (q.state() != QuestionnaireState.DRAFT) {
            throw SupervisionException.conflict("问卷已发放，定义不能再修改");
        }
        Campaign c = campaigns.get(caller, q.campaignId());
        QuestionnaireDraft d = checked(caller, c, draft);
        if (d.kind() != q.definition().kind()) {
            throw SupervisionException.invalid("kind", "问卷类型不能修改");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            QuestionnaireEntity e = find(em, id);
            e.setDefinitionJson(write(d));
            e.touch(caller.username(), clock.millis());
            return toValue(e);
        });
    }

    @Override
    public Questionnaire open(Caller caller, long id) {
        Questionnaire q = office(caller, id);
        if (q.state() != QuestionnaireState.DRAFT) {
            throw SupervisionException.conflict("只有草稿状态的问卷可以发放");
        }
        Campaign c = campaigns.get(caller, q.campaignId());
        if (c.state() != CampaignState.COLLECTING && c.state() != CampaignState.SCORING) {
            throw SupervisionException.conflict("监管活动开始采集后才能发放问卷（当前：" + c.state() + "）");
        }
        List<Long> targets = q.definition().targetUnitIds() == null ? c.targetUnitIds() : q.definition().targetUnitIds();
        List<Long> outside = targets.stream().filter(u -> !c.targetUnitIds().contains(u)).toList();
        if (!outside.isEmpty()) {
            throw SupervisionException.invalid("targetUnitIds", "单位 " + outside + " 不是本次监管活动的对象");
        }
        if (q.definition().kind() == QuestionnaireKind.PEER_REVIEW && targets.size() < 2) {
            throw SupervisionException.invalid("targetUnitIds", "部门互评至少需要两个单位");
        }
        Questionnaire opened = jpa.txExpr(TransactionType.Required, em -> {
            QuestionnaireEntity e = find(em, id);
            e.setState(QuestionnaireState.OPEN.name());
            e.setTargetsJson(write(targets));
            if (q.definition().openLink()) {
                e.setOpenLinkKey(secret(16));
            }
            if (e.getMatrixJson() != null) {
                // a matrix edited before the targets were fixed keeps only pairs of targets
                List<PeerPair> kept = read(e.getMatrixJson(), PAIRS).stream()
                        .filter(p -> targets.contains(p.raterUnitId()) && targets.contains(p.ratedUnitId())).toList();
                e.setMatrixJson(write(kept));
            }
            e.touch(caller.username(), clock.millis());
            return toValue(e);
        });
        openCache.put(id, opened);
        return opened;
    }

    @Override
    public Questionnaire close(Caller caller, long id) {
        Questionnaire q = office(caller, id);
        if (q.state() != QuestionnaireState.OPEN) {
            throw SupervisionException.conflict("只有发放中的问卷可以结束");
        }
        Questionnaire closed = jpa.txExpr(TransactionType.Required, em -> {
            QuestionnaireEntity e = find(em, id);
            e.setState(QuestionnaireState.CLOSED.name());
            e.touch(caller.username(), clock.millis());
            return toValue(e);
        });
        openCache.remove(id);
        return closed;
    }

    private QuestionnaireDraft checked(Caller caller, Campaign c, QuestionnaireDraft d) {
        if (d == null) {
            throw SupervisionException.invalid("definition", "必须提供问卷定义");
        }
        List<FieldError> errors = new ArrayList<>();
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "问卷类型必须是 PEER_REVIEW（部门互评）或 PUBLIC_EVALUATION（社会评议）"));
        }
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
            errors.add(new FieldError("title", "标题必填，不超过 200 个字符"));
        }
        if (d.introduction() != null && d.introduction().length() > 2_000) {
            errors.add(new FieldError("introduction", "说明不超过 2000 个字符"));
        }
        if (d.questions().isEmpty() || d.questions().size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "问卷需要 1 至 " + MAX_QUESTIONS + " 道题"));
        }
        Map<String, Question> byCode = new LinkedHashMap<>();
        for (int i = 0; i < d.questions().size(); i++) {
            Question q = d.questions().get(i);
            String at = "questions[" + i + "]";
            if (q == null || q.code() == null || !CODE.matcher(q.code()).matches()) {
                errors.add(new FieldError(at + ".code", "题号必填（字母、数字、._-，不超过 32 个字符）"));
                continue;
            }
            if (byCode.put(q.code(), q) != null) {
                errors.add(new FieldError(at + ".code", "题号 " + q.code() + " 重复"));
            }
            if (q.text() == null || q.text().isBlank() || q.text().length() > 500) {
                errors.add(new FieldError(at + ".text", "题目必填，不超过 500 个字符"));
            }
            if (q.type() == null) {
                errors.add(new FieldError(at + ".type", "题型必须是 SATISFACTION、RATING 或 TEXT"));
            }
        }
        if (!d.questions().isEmpty() && d.questions().stream().allMatch(q -> q != null && q.type() == QuestionType.TEXT)) {
            errors.add(new FieldError("questions", "至少需要一道计分题（满意度或评分）"));
        }
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < d.respondentCategories().size(); i++) {
            RespondentCategory rc = d.respondentCategories().get(i);
            String at = "respondentCategories[" + i + "]";
            if (rc == null || rc.code() == null || !CODE.matcher(rc.code()).matches() || !categories.add(rc.code())) {
                errors.add(new FieldError(at + ".code", "评议对象类别代码必填且不重复"));
            } else if (rc.label() == null || rc.label().isBlank() || rc.label().length() > 50) {
                errors.add(new FieldError(at + ".label", "类别名称必填，不超过 50 个字符"));
            } else if (rc.quota() != null && rc.quota() < 1) {
                errors.add(new FieldError(at + ".quota", "配额必须是正整数"));
            }
        }
        if (d.minimumSample() != null && d.minimumSample() < 1) {
            errors.add(new FieldError("minimumSample", "最低样本量必须是正整数"));
        }
        if (d.openLink() && d.kind() == QuestionnaireKind.PEER_REVIEW) {
            errors.add(new FieldError("openLink", "部门互评只由单位用户登录填写，不能使用公开链接"));
        }
        if (d.targetUnitIds() != null) {
            if (d.targetUnitIds().isEmpty()) {
                errors.add(new FieldError("targetUnitIds", "评价对象不能为空（省略则为监管活动的全部对象）"));
            }
            if (c.targetUnitIds() != null) {
                d.targetUnitIds().stream().filter(u -> !c.targetUnitIds().contains(u)).findFirst().ifPresent(u ->
                        errors.add(new FieldError("targetUnitIds", "单位 " + u + " 不是本次监管活动的对象")));
            }
            if (new HashSet<>(d.targetUnitIds()).size() != d.targetUnitIds().size()) {
                errors.add(new FieldError("targetUnitIds", "评价对象重复"));
            }
        }
        Set<String> leaves = d.kind() == null ? Set.of() : leavesOf(caller, c, d.kind());
        for (int i = 0; i < d.bindings().size(); i++) {
            IndicatorBinding b = d.bindings().get(i);
            String at = "bindings[" + i + "]";
            if (b == null || b.indicatorCode() == null || b.conversion() == null) {
                errors.add(new FieldError(at, "必须指定指标代码和换算方式（SATISFACTION_RATE 或 MEAN_SCORE）"));
                continue;
            }
            if (d.kind() != null && !leaves.contains(b.indicatorCode())) {
                errors.add(new FieldError(at + ".indicatorCode", "指标 " + b.indicatorCode() + " 不是本活动所用指标体系中“"
                        + d.kind().category().label() + "”类别的末级指标"));
            }
            if (b.questionCode() != null) {
                Question q = byCode.get(b.questionCode());
                if (q == null || q.type() == QuestionType.TEXT) {
                    errors.add(new FieldError(at + ".questionCode", "题号 " + b.questionCode() + " 不是本问卷的计分题"));
                } else if (b.conversion() == cn.supervision.api.survey.Conversion.SATISFACTION_RATE && q.type() != QuestionType.SATISFACTION) {
                    errors.add(new FieldError(at + ".questionCode", "满意率只能由满意度题换算"));
                }
            } else if (b.conversion() == cn.supervision.api.survey.Conversion.SATISFACTION_RATE
                    && byCode.values().stream().noneMatch(q -> q.type() == QuestionType.SATISFACTION)) {
                errors.add(new FieldError(at + ".conversion", "问卷没有满意度题，不能换算满意率"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("问卷定义有 " + errors.size() + " 处问题", errors);
        }
        return d;
    }

    /** Leaves of the questionnaire's category in the systems the campaign pins. */
    private Set<String> leavesOf(Caller caller, Campaign c, QuestionnaireKind kind) {
        Set<String> codes = new HashSet<>();
        for (Long systemId : new LinkedHashSet<>(c.systems().values())) {
            Deque<Indicator> pending = new ArrayDeque<>(systems.get(caller, systemId).definition().indicators());
            while (!pending.isEmpty()) {
                Indicator n = pending.pop();
                if (n.leaf() && n.category() == kind.category()) {
                    codes.add(n.code());
                }
                pending.addAll(n.children());
            }
        }
        return codes;
    }

    // ------------------------------------------------------------------ peer review

    @Override
    public List<PeerPair> peerMatrix(Caller caller, long id) {
        Questionnaire q = office(caller, id);
        requirePeer(q);
        return jpa.txExpr(TransactionType.Supports, em -> matrix(caller, find(em, id), q));
    }

    private List<PeerPair> matrix(Caller caller, QuestionnaireEntity e, Questionnaire q) {
        if (e.getMatrixJson() != null) {
            return read(e.getMatrixJson(), PAIRS);
        }
        List<Long> targets = targets(caller, q);
        List<PeerPair> pairs = new ArrayList<>();
        for (Long rater : targets) {
            for (Long rated : targets) {
                if (!rater.equals(rated)) {
                    pairs.add(new PeerPair(rater, rated));
                }
            }
        }
        return pairs;
    }

    private List<Long> targets(Caller caller, Questionnaire q) {
        if (q.targetUnitIds() != null) {
            return q.targetUnitIds();
        }
        if (q.definition().targetUnitIds() != null) {
            return q.definition().targetUnitIds();
        }
        Campaign c = campaigns.get(caller, q.campaignId());
        return c.targetUnitIds() != null ? c.targetUnitIds()
                : registry.listUnits(caller, q.jurisdictionCode(), false).stream().map(Unit::id).toList();
    }

    @Override
    public List<PeerPair> setPeerMatrix(Caller caller, long id, List<PeerPair> pairs) {
        Questionnaire q = office(caller, id);
        requirePeer(q);
        if (q.state() != QuestionnaireState.DRAFT) {
            throw SupervisionException.conflict("问卷已发放，互评关系不能再修改");
        }
        if (pairs == null || pairs.isEmpty()) {
            throw SupervisionException.invalid("pairs", "互评关系不能为空");
        }
        Set<Long> targets = new HashSet<>(targets(caller, q));
        List<FieldError> errors = new ArrayList<>();
        Set<PeerPair> seen = new LinkedHashSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            PeerPair p = pairs.get(i);
            if (p == null) {
                errors.add(new FieldError("pairs[" + i + "]", "空的互评关系"));
            } else if (p.raterUnitId() == p.ratedUnitId()) {
                errors.add(new FieldError("pairs[" + i + "]", "单位不能评价自己"));
            } else if (!targets.contains(p.raterUnitId()) || !targets.contains(p.ratedUnitId())) {
                errors.add(new FieldError("pairs[" + i + "]", "评价单位和被评单位都必须是问卷的评价对象"));
            } else if (!seen.add(p)) {
                errors.add(new FieldError("pairs[" + i + "]", "互评关系重复"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("互评关系有 " + errors.size() + " 处问题", errors);
        }
        List<PeerPair> stored = List.copyOf(seen);
        jpa.tx(TransactionType.Required, em -> {
            QuestionnaireEntity e = find(em, id);
            e.setMatrixJson(write(stored));
            e.touch(caller.username(), clock.millis());
        });
        return stored;
    }

    /** The caller's own unit, for UNIT_USERs. */
    private Unit ownUnit(Caller caller, String jurisdictionCode) {
        if (caller.unitCode() == null) {
            throw SupervisionException.forbidden("部门互评只能由参评单位的用户填写");
        }
        registry.access().require(caller, Operation.ANSWER_PEER_REVIEW, Target.unit(jurisdictionCode, caller.unitCode()));
        return registry.listUnits(caller, jurisdictionCode, false).stream().filter(u -> u.code().equals(caller.unitCode()))
                .findFirst().orElseThrow(() -> SupervisionException.forbidden("当前用户的单位 " + caller.unitCode() + " 不存在或已撤销"));
    }

    @Override
    public List<PeerTask> peerTasks(Caller caller, long id) {
        Questionnaire q = get(caller, id);
        requirePeer(q);
        Unit own = ownUnit(caller, q.jurisdictionCode());
        Map<Long, String> names = new HashMap<>();
        registry.listUnits(Caller.system("survey"), q.jurisdictionCode(), true).forEach(u -> names.put(u.id(), u.name()));
        return jpa.txExpr(TransactionType.Supports, em -> {
            Set<Long> done = em.createQuery("select r.unitId from ResponseEntity r where r.questionnaireId = :q and r.raterUnitId = :u",
                    Long.class).setParameter("q", id).setParameter("u", own.id()).getResultList().stream().collect(Collectors.toSet());
            return matrix(caller, find(em, id), q).stream().filter(p -> p.raterUnitId() == own.id())
                    .map(p -> new PeerTask(id, p.ratedUnitId(), names.get(p.ratedUnitId()), done.contains(p.ratedUnitId()))).toList();
        });
    }

    @Override
    public List<Questionnaire> peerReviews(Caller caller) {
        String jurisdiction = caller.jurisdictionCode();
        if (jurisdiction == null) {
            throw SupervisionException.forbidden("部门互评只能由参评单位的用户填写");
        }
        Unit own = ownUnit(caller, jurisdiction);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select q from QuestionnaireEntity q where q.jurisdictionCode = :j and q.kind = :k and q.state <> :d order by q.id desc",
                        QuestionnaireEntity.class)
                .setParameter("j", jurisdiction).setParameter("k", QuestionnaireKind.PEER_REVIEW.name())
                .setParameter("d", QuestionnaireState.DRAFT.name()).getResultList().stream()
                .filter(e -> {
                    Questionnaire q = toValue(e);
                    return matrix(caller, e, q).stream().anyMatch(p -> p.raterUnitId() == own.id());
                })
                .map(this::toValue).toList());
    }

    @Override
    public Receipt submitPeer(Caller caller, long id, long ratedUnitId, List<Answer> answers) {
        Questionnaire q = get(caller, id);
        requirePeer(q);
        requireOpen(q);
        Unit own = ownUnit(caller, q.jurisdictionCode());
        boolean assigned = jpa.txExpr(TransactionType.Supports, em -> matrix(caller, find(em, id), q))
                .contains(new PeerPair(own.id(), ratedUnitId));
        if (!assigned) {
            throw SupervisionException.forbidden("本单位不在对单位 " + ratedUnitId + " 的互评关系中");
        }
        List<Answer> checked = checkedAnswers(q, answers);
        ResponseEntity r = new ResponseEntity(id, ratedUnitId, Channel.PEER.name(), null, own.id(), caller.username(), null,
                id + ":P:" + own.id() + ":" + ratedUnitId, null, null, null, write(checked),
                Conversions.score(q.definition().questions(), checked), clock.millis());
        return store(r, null, "本单位已评价过该单位，评价提交后不能修改");
    }

    private static void requirePeer(Questionnaire q) {
        if (q.definition().kind() != QuestionnaireKind.PEER_REVIEW) {
            throw SupervisionException.conflict("该问卷不是部门互评");
        }
    }

    private static void requireOpen(Questionnaire q) {
        if (q.state() != QuestionnaireState.OPEN) {
            throw new SupervisionException(ProblemKind.GONE, "问卷已结束", q.state() == QuestionnaireState.DRAFT ? "问卷尚未发放" : "问卷已结束，不再接受填写", null);
        }
    }

    // ------------------------------------------------------------------ public evaluation

    @Override
    public List<Token> issueTokens(Caller caller, long id, TokenRequest request) {
        Questionnaire q = office(caller, id);
        if (q.definition().kind() != QuestionnaireKind.PUBLIC_EVALUATION) {
            throw SupervisionException.conflict("只有社会评议问卷发放一次性填写码");
        }
        if (q.state() == QuestionnaireState.CLOSED) {
            throw SupervisionException.conflict("问卷已结束");
        }
        if (request == null) {
            throw SupervisionException.invalid("count", "必须指定数量或接收人");
        }
        int count = request.recipients().isEmpty() ? (request.count() == null ? 0 : request.count()) : request.recipients().size();
        if (count < 1 || count > MAX_TOKENS_PER_REQUEST || (request.count() != null && !request.recipients().isEmpty())) {
            throw SupervisionException.invalid("count", "一次发放 1 至 " + MAX_TOKENS_PER_REQUEST + " 个填写码（count 与 recipients 二选一）");
        }
        if (request.unitId() != null && !targets(caller, q).contains(request.unitId())) {
            throw SupervisionException.invalid("unitId", "单位 " + request.unitId() + " 不是问卷的评价对象");
        }
        Set<String> categories = q.definition().respondentCategories().stream().map(RespondentCategory::code).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        if (request.category() != null && !categories.contains(request.category())) {
            errors.add(new FieldError("category", "没有评议对象类别 " + request.category()));
        }
        for (int i = 0; i < request.recipients().size(); i++) {
            TokenRequest.Recipient r = request.recipients().get(i);
            if (r == null || r.phone() == null || !PHONE.matcher(r.phone()).matches()) {
                errors.add(new FieldError("recipients[" + i + "].phone", "手机号码无效"));
            } else if (r.name() != null && r.name().length() > 50) {
                errors.add(new FieldError("recipients[" + i + "].name", "姓名不超过 50 个字符"));
            } else if (r.category() != null && !categories.contains(r.category())) {
                errors.add(new FieldError("recipients[" + i + "].category", "没有评议对象类别 " + r.category()));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("发放请求有 " + errors.size() + " 处问题", errors);
        }
        long now = clock.millis();
        List<Token> issued = new ArrayList<>();
        jpa.tx(TransactionType.Required, em -> {
            List<TokenEntity> entities = new ArrayList<>(count);
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                TokenRequest.Recipient r = request.recipients().isEmpty() ? null : request.recipients().get(i);
                String value = secret(16);
                String category = r != null && r.category() != null ? r.category() : request.category();
                TokenEntity t = new TokenEntity(id, sha256(value), request.unitId(), category, r == null ? null : r.name(),
                        r == null ? null : r.phone(), caller.username(), now);
                em.persist(t);
                entities.add(t);
                values.add(value);
            }
            em.flush(); // once: flushing per token would walk every managed token each time
            for (int i = 0; i < count; i++) {
                TokenEntity t = entities.get(i);
                issued.add(new Token(t.getId(), id, values.get(i), t.getUnitId(), t.getCategory(), Conversions.maskName(t.getRecipientName()),
                        Conversions.maskPhone(t.getRecipientPhone()), false, Instant.ofEpochMilli(now), caller.username()));
            }
        });
        return issued;
    }

    @Override
    public List<Token> tokens(Caller caller, long id) {
        office(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select t from TokenEntity t where t.questionnaireId = :q order by t.id", TokenEntity.class)
                .setParameter("q", id).getResultList().stream()
                .map(t -> new Token(t.getId(), id, null, t.getUnitId(), t.getCategory(), Conversions.maskName(t.getRecipientName()),
                        Conversions.maskPhone(t.getRecipientPhone()), t.getUsedAt() != null, Instant.ofEpochMilli(t.getIssuedAt()),
                        t.getIssuedBy()))
                .toList());
    }

    /** A token as the public pages need it. */
    private record TokenRow(long id, long questionnaireId, Long unitId, String category, String recipientName, String recipientPhone,
                            boolean used) { }

    /** Looks a token up by the hash of its secret with one indexed SELECT (the public pages' hot path). */
    private TokenRow token(String value) {
        if (value == null || value.length() < 16 || value.length() > 64) {
            throw SupervisionException.notFound("填写码无效");
        }
        String hash = sha256(value);
        TokenRow row = jpa.txExpr(TransactionType.Supports, em -> {
            try (java.sql.Connection c = em.unwrap(java.sql.Connection.class);
                 java.sql.PreparedStatement s = c.prepareStatement("SELECT ID, QUESTIONNAIREID, UNITID, CATEGORY, RECIPIENTNAME,"
                         + " RECIPIENTPHONE, USEDAT FROM SV_SURVEY_TOKEN WHERE HASH = ?")) {
                s.setString(1, hash);
                try (java.sql.ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    long unit = r.getLong(3);
                    Long unitId = r.wasNull() ? null : unit;
                    r.getLong(7);
                    boolean used = !r.wasNull();
                    return new TokenRow(r.getLong(1), r.getLong(2), unitId, r.getString(4), r.getString(5), r.getString(6), used);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (row == null) {
            throw SupervisionException.notFound("填写码无效");
        }
        return row;
    }

    /** An open questionnaire for the public pages, from the cache. */
    private Questionnaire publicQuestionnaire(long id) {
        Questionnaire q = openCache.get(id);
        if (q == null) {
            q = jpa.txExpr(TransactionType.Supports, em -> toValue(find(em, id)));
            if (q.state() == QuestionnaireState.OPEN) {
                openCache.put(id, q);
            }
        }
        requireOpen(q);
        return q;
    }

    @Override
    public PublicForm formForToken(String value) {
        TokenRow t = token(value);
        if (t.used()) {
            throw new SupervisionException(ProblemKind.GONE, "填写码已使用", "该填写码已经提交过评价，感谢您的参与", null);
        }
        return form(publicQuestionnaire(t.questionnaireId()), t.unitId(), t.category());
    }

    @Override
    public PublicForm formForLink(String linkKey) {
        return form(linkQuestionnaire(linkKey), null, null);
    }

    private Questionnaire linkQuestionnaire(String linkKey) {
        if (linkKey == null || linkKey.isBlank() || linkKey.length() > 32) {
            throw SupervisionException.notFound("链接无效");
        }
        for (Questionnaire q : openCache.values()) {
            if (linkKey.equals(q.openLinkKey())) {
                return q;
            }
        }
        List<QuestionnaireEntity> found = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select q from QuestionnaireEntity q where q.openLinkKey = :k", QuestionnaireEntity.class).setParameter("k", linkKey).getResultList());
        if (found.isEmpty()) {
            throw SupervisionException.notFound("链接无效");
        }
        return publicQuestionnaire(found.get(0).getId());
    }

    private PublicForm form(Questionnaire q, Long unitId, String category) {
        Caller platform = Caller.system("survey");
        Map<Long, String> names = new HashMap<>();
        registry.listUnits(platform, q.jurisdictionCode(), true).forEach(u -> names.put(u.id(), u.name()));
        List<PublicForm.UnitChoice> units = (unitId != null ? List.of(unitId) : q.targetUnitIds()).stream()
                .map(u -> new PublicForm.UnitChoice(u, names.get(u))).toList();
        return new PublicForm(q.definition().title(), q.definition().introduction(),
                registry.getJurisdiction(platform, q.jurisdictionCode()).name(), q.definition().questions(), units,
                q.definition().respondentCategories(), category, true);
    }

    @Override
    public Receipt submitWithToken(String value, Submission submission) {
        TokenRow t = token(value);
        if (t.used()) {
            throw new SupervisionException(ProblemKind.GONE, "填写码已使用", "该填写码已经提交过评价，不能重复提交", null);
        }
        Questionnaire q = publicQuestionnaire(t.questionnaireId());
        Submission s = checkedSubmission(q, submission, t.unitId(), t.category());
        List<Answer> answers = checkedAnswers(q, s.answers());
        ResponseEntity r = new ResponseEntity(q.id(), s.unitId(), Channel.TOKEN.name(), s.category(), null, null, t.id(),
                q.id() + ":T:" + t.id(), null, t.recipientName() != null ? t.recipientName() : s.respondentName(),
                t.recipientPhone() != null ? t.recipientPhone() : s.respondentPhone(), write(answers),
                Conversions.score(q.definition().questions(), answers), clock.millis());
        return store(r, t.id(), "该填写码已经提交过评价，不能重复提交");
    }

    @Override
    public Receipt submitWithLink(String linkKey, Submission submission, String client, String device) {
        Questionnaire q = linkQuestionnaire(linkKey);
        if (device == null || !CODE.matcher(device).matches() || device.length() < 8) {
            throw SupervisionException.invalid("device", "请在手机浏览器中打开链接填写（缺少设备标识）");
        }
        Submission s = checkedSubmission(q, submission, null, null);
        List<Answer> answers = checkedAnswers(q, s.answers());
        admitClient(q.id(), client == null ? "?" : client);
        ResponseEntity r = new ResponseEntity(q.id(), s.unitId(), Channel.OPEN_LINK.name(), s.category(), null, null, null,
                q.id() + ":L:" + device + ":" + s.unitId(), client == null ? null : client.substring(0, Math.min(64, client.length())),
                s.respondentName(), s.respondentPhone(), write(answers), Conversions.score(q.definition().questions(), answers),
                clock.millis());
        return store(r, null, "本设备已经评价过该单位，不能重复提交");
    }

    /** Counts a submission of an address against the hourly limit of the shared link (429 beyond). */
    private void admitClient(long questionnaireId, String client) {
        long now = clock.millis();
        Deque<Long> times = linkClients.computeIfAbsent(questionnaireId + "|" + client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - 3_600_000L) {
                times.pollFirst();
            }
            if (times.size() >= linkSubmissionsPerHour) {
                throw new SupervisionException(ProblemKind.THROTTLED, "提交过于频繁", "同一网络一小时内最多提交 " + linkSubmissionsPerHour + " 份，请稍后再试", null);
            }
            times.addLast(now);
        }
        if (linkClients.size() > 100_000) {
            linkClients.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - 3_600_000L;
                }
            });
        }
    }

    private Submission checkedSubmission(Questionnaire q, Submission s, Long tokenUnit, String tokenCategory) {
        if (s == null) {
            throw SupervisionException.invalid("answers", "请填写问卷");
        }
        Long unit = tokenUnit != null ? tokenUnit : s.unitId();
        if (unit == null || !q.targetUnitIds().contains(unit)) {
            throw SupervisionException.invalid("unitId", "请选择被评价的单位");
        }
        String category = tokenCategory != null ? tokenCategory : s.category();
        List<RespondentCategory> categories = q.definition().respondentCategories();
        if (!categories.isEmpty() && (category == null || categories.stream().noneMatch(c -> c.code().equals(category)))) {
            throw SupervisionException.invalid("category", "请选择您的身份类别");
        }
        if (s.respondentName() != null && s.respondentName().length() > 50) {
            throw SupervisionException.invalid("respondentName", "姓名不超过 50 个字符");
        }
        if (s.respondentPhone() != null && !s.respondentPhone().isBlank() && !PHONE.matcher(s.respondentPhone()).matches()) {
            throw SupervisionException.invalid("respondentPhone", "手机号码无效");
        }
        String phone = s.respondentPhone() == null || s.respondentPhone().isBlank() ? null : s.respondentPhone();
        String name = s.respondentName() == null || s.respondentName().isBlank() ? null : s.respondentName().trim();
        return new Submission(unit, categories.isEmpty() ? null : category, s.answers(), name, phone);
    }

    /** Every required question answered once, levels 1–5, texts bounded; answers in question order. */
    private static List<Answer> checkedAnswers(Questionnaire q, List<Answer> answers) {
        Map<String, Answer> byCode = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Answer a : answers == null ? List.<Answer>of() : answers) {
            if (a == null || a.questionCode() == null) {
                errors.add(new FieldError("answers", "回答缺少题号"));
            } else if (byCode.put(a.questionCode(), a) != null) {
                errors.add(new FieldError("answers." + a.questionCode(), "同一题只能回答一次"));
            }
        }
        List<Answer> ordered = new ArrayList<>();
        for (Question question : q.definition().questions()) {
            Answer a = byCode.remove(question.code());
            boolean empty = a == null || (question.type() == QuestionType.TEXT ? a.text() == null || a.text().isBlank() : a.level() == null);
            if (empty) {
                if (question.required()) {
                    errors.add(new FieldError("answers." + question.code(), "第 " + question.code() + " 题必须回答"));
                }
                continue;
            }
            if (question.type() == QuestionType.TEXT) {
                if (a.text().length() > MAX_TEXT_ANSWER) {
                    errors.add(new FieldError("answers." + question.code(), "文字回答不超过 " + MAX_TEXT_ANSWER + " 个字符"));
                }
                ordered.add(new Answer(question.code(), null, a.text().trim()));
            } else if (a.level() < 1 || a.level() > 5) {
                errors.add(new FieldError("answers." + question.code(), "第 " + question.code() + " 题的等级必须是 1 至 5"));
            } else {
                ordered.add(new Answer(question.code(), a.level(), null));
            }
        }
        byCode.keySet().forEach(code -> errors.add(new FieldError("answers." + code, "问卷没有第 " + code + " 题")));
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("回答有 " + errors.size() + " 处问题", errors);
        }
        return ordered;
    }

    /** Writes a response, consuming its token, through the group-commit writer; duplicates are refused by the database. */
    private Receipt store(ResponseEntity r, Long tokenId, String duplicate) {
        return writer.write(r, tokenId, duplicate);
    }

    /** Stops the writer (blueprint destroy-method). */
    public void close() {
        writer.close();
    }

    // ------------------------------------------------------------------ office views

    @Override
    public List<Response> responses(Caller caller, long id, Long unitId) {
        office(caller, id);
        Map<Long, Boolean> decisions = decisions(id);
        return jpa.txExpr(TransactionType.Supports, em -> {
            javax.persistence.TypedQuery<ResponseEntity> query = em.createQuery("select r from ResponseEntity r where r.questionnaireId = :q"
                    + (unitId == null ? "" : " and r.unitId = :u") + " order by r.id", ResponseEntity.class).setParameter("q", id);
            if (unitId != null) {
                query.setParameter("u", unitId);
            }
            return query.getResultList().stream().map(r -> toValue(r, Boolean.FALSE.equals(decisions.get(r.getId())))).toList();
        });
    }

    @Override
    public Respondent reveal(Caller caller, long id, long responseId, String reason) {
        office(caller, id);
        String why = reason(reason);
        return jpa.txExpr(TransactionType.Required, em -> {
            ResponseEntity r = em.find(ResponseEntity.class, responseId);
            if (r == null || r.getQuestionnaireId() != id) {
                throw SupervisionException.notFound("问卷 " + id + " 没有答卷 " + responseId);
            }
            em.persist(new AccessEntity(id, caller.username(), clock.millis(), "答卷 " + responseId, why));
            return new Respondent(id, responseId, r.getTokenId(), r.getRespondentName(), r.getRespondentPhone());
        });
    }

    @Override
    public Respondent revealToken(Caller caller, long id, long tokenId, String reason) {
        office(caller, id);
        String why = reason(reason);
        return jpa.txExpr(TransactionType.Required, em -> {
            TokenEntity t = em.find(TokenEntity.class, tokenId);
            if (t == null || t.getQuestionnaireId() != id) {
                throw SupervisionException.notFound("问卷 " + id + " 没有填写码 " + tokenId);
            }
            em.persist(new AccessEntity(id, caller.username(), clock.millis(), "填写码 " + tokenId, why));
            return new Respondent(id, null, tokenId, t.getRecipientName(), t.getRecipientPhone());
        });
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw SupervisionException.invalid("reason", "查看个人信息必须写明用途（不超过 500 个字符）");
        }
        return reason.trim();
    }

    @Override
    public List<AccessRecord> accessLog(Caller caller, long id) {
        office(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select a from AccessEntity a where a.questionnaireId = :q order by a.id", AccessEntity.class)
                .setParameter("q", id).getResultList().stream()
                .map(a -> new AccessRecord(a.getId(), id, a.getUsername(), Instant.ofEpochMilli(a.getAt()), a.getSubject(), a.getReason()))
                .toList());
    }

    /** Per response, the latest decision: TRUE accepted, FALSE excluded. */
    private Map<Long, Boolean> decisions(long id) {
        Map<Long, Boolean> latest = new HashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select d from OutlierDecisionEntity d where d.questionnaireId = :q order by d.id", OutlierDecisionEntity.class)
                .setParameter("q", id).getResultList()).forEach(d -> latest.put(d.getResponseId(), d.isAccepted()));
        return latest;
    }

    /** Per unit: response id → score and category (only what counting needs, not the answers). */
    private record Counted(long id, long unitId, String category, BigDecimal score) { }

    private List<Counted> counted(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r.id, r.unitId, r.category, r.score from ResponseEntity r where r.questionnaireId = :q order by r.id", Object[].class)
                .setParameter("q", id).getResultList().stream()
                .map(row -> new Counted((Long) row[0], (Long) row[1], (String) row[2], scaled((BigDecimal) row[3]))).toList());
    }

    /** Scores are stored with 2 decimals; some databases hand them back with another scale. */
    private static BigDecimal scaled(BigDecimal score) {
        return score == null ? null : score.setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public Progress progress(Caller caller, long id) {
        Questionnaire q = get(caller, id);
        requireReader(caller, q.jurisdictionCode());
        Map<Long, Boolean> decisions = decisions(id);
        List<Counted> all = counted(id);
        Map<Long, String> names = new HashMap<>();
        registry.listUnits(Caller.system("survey"), q.jurisdictionCode(), true).forEach(u -> names.put(u.id(), u.name()));
        Integer minimum = q.definition().minimumSample();
        Map<Long, int[]> byUnit = new HashMap<>(); // unit → {valid, excluded}
        Map<String, Integer> byCategory = new HashMap<>();
        for (Counted c : all) {
            boolean excluded = Boolean.FALSE.equals(decisions.get(c.id()));
            byUnit.computeIfAbsent(c.unitId(), k -> new int[2])[excluded ? 1 : 0]++;
            if (!excluded && c.category() != null) {
                byCategory.merge(c.category(), 1, Integer::sum);
            }
        }
        List<Progress.UnitProgress> units = new ArrayList<>();
        int excludedTotal = 0;
        for (Long unit : targets(caller, q)) {
            int[] n = byUnit.getOrDefault(unit, new int[2]);
            excludedTotal += n[1];
            units.add(new Progress.UnitProgress(unit, names.get(unit), n[0], n[1], minimum == null || n[0] >= minimum));
        }
        List<Progress.CategoryProgress> categories = new ArrayList<>();
        for (RespondentCategory rc : q.definition().respondentCategories()) {
            int n = byCategory.getOrDefault(rc.code(), 0);
            categories.add(new Progress.CategoryProgress(rc.code(), rc.label(), n, rc.quota(), rc.quota() == null || n >= rc.quota()));
        }
        boolean complete = units.stream().allMatch(Progress.UnitProgress::sampleReached)
                && categories.stream().allMatch(Progress.CategoryProgress::quotaReached);
        return new Progress(id, all.size(), excludedTotal, minimum, units, categories, complete);
    }

    @Override
    public List<Outlier> outliers(Caller caller, long id) {
        office(caller, id);
        Map<Long, OutlierDecisionEntity> latest = new HashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select d from OutlierDecisionEntity d where d.questionnaireId = :q order by d.id", OutlierDecisionEntity.class)
                .setParameter("q", id).getResultList()).forEach(d -> latest.put(d.getResponseId(), d));
        Map<Long, List<Counted>> byUnit = new LinkedHashMap<>();
        counted(id).stream().filter(c -> c.score() != null).forEach(c -> byUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c));
        List<Outlier> out = new ArrayList<>();
        for (Map.Entry<Long, List<Counted>> unit : byUnit.entrySet()) {
            if (unit.getValue().size() < 3) {
                continue;
            }
            BigDecimal[] md = Conversions.meanAndDeviation(unit.getValue().stream().map(Counted::score).toList());
            for (Counted c : unit.getValue()) {
                if (Conversions.beyondTwoSigma(c.score(), md[0], md[1])) {
                    OutlierDecisionEntity d = latest.get(c.id());
                    out.add(new Outlier(c.id(), c.unitId(), c.score(), md[0].setScale(2, RoundingMode.HALF_UP),
                            md[1].setScale(2, RoundingMode.HALF_UP),
                            d == null ? Outlier.Decision.PENDING : d.isAccepted() ? Outlier.Decision.ACCEPTED : Outlier.Decision.EXCLUDED,
                            d == null ? null : d.getNote(), d == null ? null : d.getDecidedBy(),
                            d == null ? null : Instant.ofEpochMilli(d.getDecidedAt())));
                }
            }
        }
        out.sort(Comparator.comparingLong(Outlier::unitId).thenComparingLong(Outlier::responseId));
        return out;
    }

    @Override
    public Outlier decideOutlier(Caller caller, long id, long responseId, boolean accept, String note) {
        office(caller, id);
        if (note == null || note.isBlank() || note.length() > 500) {
            throw SupervisionException.invalid("note", "必须写明采信或剔除的理由（不超过 500 个字符）");
        }
        if (outliers(caller, id).stream().noneMatch(o -> o.responseId() == responseId)) {
            throw SupervisionException.conflict("答卷 " + responseId + " 不是离群答卷，无需处理");
        }
        jpa.tx(TransactionType.Required, em -> em.persist(new OutlierDecisionEntity(id, responseId, accept, note.trim(),
                caller.username(), clock.millis())));
        return outliers(caller, id).stream().filter(o -> o.responseId() == responseId).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ conversion

    @Override
    public Application apply(Caller caller, long id, boolean belowMinimum) {
        Questionnaire q = office(caller, id);
        if (q.state() == QuestionnaireState.DRAFT) {
            throw SupervisionException.conflict("问卷尚未发放");
        }
        if (q.definition().bindings().isEmpty()) {
            throw SupervisionException.conflict("问卷没有关联指标（bindings），无法换算");
        }
        Set<Long> pendingUnits = outliers(caller, id).stream().filter(o -> o.decision() == Outlier.Decision.PENDING)
                .map(Outlier::unitId).collect(Collectors.toSet());
        Map<Long, Boolean> decisions = decisions(id);
        Map<Long, List<List<Answer>>> valid = new HashMap<>();
        Map<Long, Integer> excluded = new HashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r from ResponseEntity r where r.questionnaireId = :q order by r.id", ResponseEntity.class)
                .setParameter("q", id).getResultList()).forEach(r -> {
            if (Boolean.FALSE.equals(decisions.get(r.getId()))) {
                excluded.merge(r.getUnitId(), 1, Integer::sum);
            } else {
                valid.computeIfAbsent(r.getUnitId(), k -> new ArrayList<>()).add(read(r.getAnswersJson(), ANSWERS));
            }
        });
        Integer minimum = q.definition().minimumSample();
        List<Application.Applied> applied = new ArrayList<>();
        List<Application.Skipped> skipped = new ArrayList<>();
        String label = "问卷#" + id + "《" + q.definition().title() + "》";
        for (Long unit : q.targetUnitIds()) {
            List<List<Answer>> responses = valid.getOrDefault(unit, List.of());
            for (IndicatorBinding b : q.definition().bindings()) {
                if (pendingUnits.contains(unit)) {
                    skipped.add(new Application.Skipped(unit, b.indicatorCode(), "有待处理的离群答卷，请先采信或剔除"));
                    continue;
                }
                if (minimum != null && responses.size() < minimum && !belowMinimum) {
                    skipped.add(new Application.Skipped(unit, b.indicatorCode(), "有效答卷 " + responses.size() + " 份，未达到最低样本量 " + minimum));
                    continue;
                }
                Conversions.Converted v = Conversions.convert(b, q.definition().questions(), responses);
                if (v.value() == null) {
                    skipped.add(new Application.Skipped(unit, b.indicatorCode(), v.formula()));
                    continue;
                }
                String explanation = label + "：" + v.formula() + "；有效答卷 " + responses.size() + " 份"
                        + (excluded.containsKey(unit) ? "（剔除离群 " + excluded.get(unit) + " 份）" : "")
                        + (minimum != null && responses.size() < minimum ? "；未达到最低样本量 " + minimum : "");
                IndicatorInput input = new IndicatorInput(v.value(), null, null, null, null, "questionnaire:" + id);
                try {
                    InputRecord r = campaigns.recordInput(caller, q.campaignId(), unit, b.indicatorCode(), input,
                            q.definition().kind().inputSource(), explanation);
                    applied.add(new Application.Applied(unit, b.indicatorCode(), v.value(), v.answers(), r.id(), explanation));
                } catch (SupervisionException e) {
                    if (e.kind() == ProblemKind.CONFLICT) {
                        throw e; // the campaign stopped accepting inputs: nothing more will go in
                    }
                    skipped.add(new Application.Skipped(unit, b.indicatorCode(), e.getMessage()));
                }
            }
        }
        return new Application(id, q.campaignId(), applied, skipped);
    }

    // ------------------------------------------------------------------ authority and plumbing

    /** The office of the questionnaire's own jurisdiction (the city reads, but does not run, its counties' surveys). */
    private Questionnaire office(Caller caller, long id) {
        Questionnaire q = jpa.txExpr(TransactionType.Supports, em -> toValue(find(em, id)));
        requireOffice(caller, q.jurisdictionCode());
        return q;
    }

    private void requireOffice(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.MANAGE_SURVEY, jurisdictionCode);
    }

    private void requireReader(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.READ_SURVEY, jurisdictionCode);
    }

    private static QuestionnaireEntity find(EntityManager em, long id) {
        QuestionnaireEntity e = em.find(QuestionnaireEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("问卷 " + id + " 不存在");
        }
        return e;
    }

    private Questionnaire toValue(QuestionnaireEntity e) {
        return new Questionnaire(e.getId(), e.getCampaignId(), e.getJurisdictionCode(), read(e.getDefinitionJson(), QuestionnaireDraft.class),
                e.getTargetsJson() == null ? null : read(e.getTargetsJson(), LONGS), QuestionnaireState.valueOf(e.getState()),
                e.getOpenLinkKey(), Instant.ofEpochMilli(e.getCreatedAt()), e.getCreatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()),
                e.getUpdatedBy());
    }

    private Response toValue(ResponseEntity r, boolean excluded) {
        return new Response(r.getId(), r.getQuestionnaireId(), r.getUnitId(), Channel.valueOf(r.getChannel()), r.getCategory(),
                r.getRaterUnitId(), Conversions.maskName(r.getRespondentName()), Conversions.maskPhone(r.getRespondentPhone()),
                read(r.getAnswersJson(), ANSWERS), scaled(r.getScore()), excluded, Instant.ofEpochMilli(r.getSubmittedAt()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
