package cn.supervision.survey.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.survey.Receipt;
import cn.supervision.survey.internal.model.ResponseEntity;

/**
 * A submission sent again (a respondent's retry after a lost answer, perhaps to another node): when the response
 * stored under its dedupe key is the same one, the retry gets that response's receipt instead of "already used" or
 * "already rated". Anything else under the key (other answers, another unit or category) is still refused as before.
 * Costs nothing on the hot path: the stored response is read only after a refusal.
 */
final class Resubmissions {
    private final JpaTemplate jpa;
    private final ResponseWriter writer;

    Resubmissions(JpaTemplate jpa, ResponseWriter writer) {
        this.jpa = jpa;
        this.writer = writer;
    }

    /**
     * Writes the response; when the writer refuses it as a duplicate (the key or the token taken) or because the
     * questionnaire closed meanwhile, answers the receipt of the same response stored before, else the refusal.
     */
    Receipt write(ResponseEntity response, Long tokenId, String duplicate) {
        try {
            return writer.write(response, tokenId, duplicate);
        } catch (SupervisionException refusal) {
            // the writer answers a refusal only once the winner committed: a retry finds its first attempt here
            Receipt earlier = refusal.kind() == ProblemKind.CONFLICT || refusal.kind() == ProblemKind.GONE ? earlier(response) : null;
            if (earlier == null) {
                throw refusal;
            }
            return earlier;
        }
    }

    /** The receipt of {@code retried} when the same response is stored under its dedupe key, else null. */
    Receipt earlier(ResponseEntity retried) {
        List<ResponseEntity> found = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r from ResponseEntity r where r.dedupeKey = :k", ResponseEntity.class)
                .setParameter("k", retried.getDedupeKey()).getResultList());
        if (found.isEmpty() || !same(found.get(0), retried)) {
            return null;
        }
        ResponseEntity r = found.get(0);
        return new Receipt(r.getId(), r.getQuestionnaireId(), Instant.ofEpochMilli(r.getSubmittedAt()));
    }

    /**
     * Before refusing a submission outright (its token used, its questionnaire closed): the receipt of the same
     * response stored before, else null. {@code retried} builds the response as the submission would be stored; a
     * submission that cannot be built (invalid answers) is no retry of a stored one.
     */
    Receipt earlier(Supplier<ResponseEntity> retried) {
        ResponseEntity r;
        try {
            r = retried.get();
        } catch (SupervisionException e) {
            return null;
        }
        return earlier(r);
    }

    /** What the respondent sent, as stored: not when, from which address, or the score derived from it. */
    static boolean same(ResponseEntity stored, ResponseEntity retried) {
        return stored.getQuestionnaireId() == retried.getQuestionnaireId() && stored.getUnitId() == retried.getUnitId()
                && Objects.equals(stored.getChannel(), retried.getChannel()) && Objects.equals(stored.getCategory(), retried.getCategory())
                && Objects.equals(stored.getRaterUnitId(), retried.getRaterUnitId())
                && Objects.equals(stored.getRaterUser(), retried.getRaterUser()) && Objects.equals(stored.getTokenId(), retried.getTokenId())
                && Objects.equals(stored.getAnswersJson(), retried.getAnswersJson())
                && Objects.equals(stored.getRespondentName(), retried.getRespondentName())
                && Objects.equals(stored.getRespondentPhone(), retried.getRespondentPhone());
    }
}
