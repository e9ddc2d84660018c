package cn.supervision.survey.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireKind;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.api.survey.RespondentCategory;
import cn.supervision.api.survey.Token;
import cn.supervision.api.survey.TokenRequest;
import cn.supervision.survey.internal.model.TokenEntity;

/** One-time answering codes of public evaluations: issued in bulk, stored only as a hash, looked up by it. */
final class Tokens {
    static final int MAX_TOKENS_PER_REQUEST = 10_000;

    private final JpaTemplate jpa;
    private final Questionnaires questionnaires;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Tokens(JpaTemplate jpa, Questionnaires questionnaires, Clock clock) {
        this.jpa = jpa;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    List<Token> issue(Caller caller, long id, TokenRequest request) {
        Questionnaire q = questionnaires.office(caller, id);
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
        if (request.unitId() != null && !questionnaires.targets(caller, q).contains(request.unitId())) {
            throw SupervisionException.invalid("unitId", "单位 " + request.unitId() + " 不是问卷的评价对象");
        }
        Set<String> categories = q.definition().respondentCategories().stream().map(RespondentCategory::code).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        if (request.category() != null && !categories.contains(request.category())) {
            errors.add(new FieldError("category", "没有评议对象类别 " + request.category()));
        }
        for (int i = 0; i < request.recipients().size(); i++) {
            TokenRequest.Recipient r = request.recipients().get(i);
            if (r == null || r.phone() == null || !AnswerChecks.PHONE.matcher(r.phone()).matches()) {
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

    List<Token> list(Caller caller, long id) {
        questionnaires.office(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select t from TokenEntity t where t.questionnaireId = :q order by t.id", TokenEntity.class)
                .setParameter("q", id).getResultList().stream()
                .map(t -> new Token(t.getId(), id, null, t.getUnitId(), t.getCategory(), Conversions.maskName(t.getRecipientName()),
                        Conversions.maskPhone(t.getRecipientPhone()), t.getUsedAt() != null, Instant.ofEpochMilli(t.getIssuedAt()),
                        t.getIssuedBy()))
                .toList());
    }

    /** A token as the public pages need it. */
    record TokenRow(long id, long questionnaireId, Long unitId, String category, String recipientName, String recipientPhone,
                            boolean used) { }

    /** Looks a token up by the hash of its secret with one indexed SELECT (the public pages' hot path). */
    TokenRow find(String value) {
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

    String secret(int bytes) {
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
