package cn.supervision.survey.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Channel;
import cn.supervision.api.survey.PublicForm;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.api.survey.Receipt;
import cn.supervision.api.survey.Submission;
import cn.supervision.survey.internal.model.QuestionnaireEntity;
import cn.supervision.survey.internal.model.ResponseEntity;

/**
 * The public pages of a public evaluation: the form and the submission, by one-time token or by shared link. The hot
 * path reads the questionnaire from {@link OpenQuestionnaires} and the token with one indexed SELECT.
 */
final class PublicAnswering {
    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Questionnaires questionnaires;
    private final OpenQuestionnaires open;
    private final Tokens tokens;
    private final LinkRateLimiter limiter;
    private final Resubmissions resubmissions;
    private final Clock clock;

    PublicAnswering(JpaTemplate jpa, RegistryService registry, Questionnaires questionnaires, OpenQuestionnaires open, Tokens tokens,
                    LinkRateLimiter limiter, Resubmissions resubmissions, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.questionnaires = questionnaires;
        this.open = open;
        this.tokens = tokens;
        this.limiter = limiter;
        this.resubmissions = resubmissions;
        this.clock = clock;
    }

    /** An open questionnaire for the public pages, from the cache. */
    private Questionnaire publicQuestionnaire(long id) {
        Questionnaire q = open.get(id, questionnaires::load);
        Questionnaires.requireOpen(q);
        return q;
    }

    PublicForm formForToken(String value) {
        Tokens.TokenRow t = tokens.find(value);
        if (t.used()) {
            throw new SupervisionException(ProblemKind.GONE, "填写码已使用", "该填写码已经提交过评价，感谢您的参与", null);
        }
        return form(publicQuestionnaire(t.questionnaireId()), t.unitId(), t.category());
    }

    PublicForm formForLink(String linkKey) {
        return form(linkQuestionnaire(linkKey, true), null, null);
    }

    /** The questionnaire of a shared link, from the cache while open; {@code requireOpen}: refused (410) when not. */
    private Questionnaire linkQuestionnaire(String linkKey, boolean requireOpen) {
        if (linkKey == null || linkKey.isBlank() || linkKey.length() > 32) {
            throw SupervisionException.notFound("链接无效");
        }
        Questionnaire cached = open.byLink(linkKey);
        if (cached != null) {
            return cached;
        }
        List<QuestionnaireEntity> found = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select q from QuestionnaireEntity q where q.openLinkKey = :k", QuestionnaireEntity.class).setParameter("k", linkKey).getResultList());
        if (found.isEmpty()) {
            throw SupervisionException.notFound("链接无效");
        }
        return requireOpen ? publicQuestionnaire(found.get(0).getId()) : open.get(found.get(0).getId(), questionnaires::load);
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

    /**
     * A used token or a closed questionnaire refuses the submission, unless it is a retry of the one stored with that
     * token: then the stored response's receipt.
     */
    Receipt submitWithToken(String value, Submission submission) {
        Tokens.TokenRow t = tokens.find(value);
        Questionnaire q = open.get(t.questionnaireId(), questionnaires::load);
        if (t.used() || q.state() != QuestionnaireState.OPEN) {
            Receipt earlier = resubmissions.earlier(() -> tokenResponse(q, t, submission));
            if (earlier != null) {
                return earlier;
            }
            if (t.used()) {
                throw new SupervisionException(ProblemKind.GONE, "填写码已使用", "该填写码已经提交过评价，不能重复提交", null);
            }
            Questionnaires.requireOpen(q);
        }
        return resubmissions.write(tokenResponse(q, t, submission), t.id(), "该填写码已经提交过评价，不能重复提交");
    }

    private ResponseEntity tokenResponse(Questionnaire q, Tokens.TokenRow t, Submission submission) {
        Submission s = AnswerChecks.submission(q, submission, t.unitId(), t.category());
        List<Answer> answers = AnswerChecks.answers(q, s.answers());
        return new ResponseEntity(q.id(), s.unitId(), Channel.TOKEN.name(), s.category(), null, null, t.id(),
                q.id() + ":T:" + t.id(), null, t.recipientName() != null ? t.recipientName() : s.respondentName(),
                t.recipientPhone() != null ? t.recipientPhone() : s.respondentPhone(), questionnaires.write(answers),
                Conversions.score(q.definition().questions(), answers), clock.millis());
    }

    /**
     * One response per device and unit; a retry of the stored one (same answers) gets its receipt, also once the
     * questionnaire closed or the address reached its hourly limit.
     */
    Receipt submitWithLink(String linkKey, Submission submission, String client, String device) {
        Questionnaire q = linkQuestionnaire(linkKey, false);
        if (q.state() != QuestionnaireState.OPEN) {
            Receipt earlier = resubmissions.earlier(() -> linkResponse(q, submission, client, device));
            if (earlier != null) {
                return earlier;
            }
            Questionnaires.requireOpen(q);
        }
        ResponseEntity r = linkResponse(q, submission, client, device);
        try {
            limiter.admit(q.id(), client == null ? "?" : client);
        } catch (SupervisionException throttled) {
            Receipt earlier = resubmissions.earlier(r);
            if (earlier != null) {
                return earlier;
            }
            throw throttled;
        }
        return resubmissions.write(r, null, "本设备已经评价过该单位，不能重复提交");
    }

    private ResponseEntity linkResponse(Questionnaire q, Submission submission, String client, String device) {
        if (device == null || !DefinitionValidator.CODE.matcher(device).matches() || device.length() < 8) {
            throw SupervisionException.invalid("device", "请在手机浏览器中打开链接填写（缺少设备标识）");
        }
        Submission s = AnswerChecks.submission(q, submission, null, null);
        List<Answer> answers = AnswerChecks.answers(q, s.answers());
        return new ResponseEntity(q.id(), s.unitId(), Channel.OPEN_LINK.name(), s.category(), null, null, null,
                q.id() + ":L:" + device + ":" + s.unitId(), client == null ? null : client.substring(0, Math.min(64, client.length())),
                s.respondentName(), s.respondentPhone(), questionnaires.write(answers), Conversions.score(q.definition().questions(), answers),
                clock.millis());
    }
}
