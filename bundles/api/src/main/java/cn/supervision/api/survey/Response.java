package cn.supervision.api.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A submitted response, immutable. For office users only: {@code raterUnitId} (peer review) and the respondent's
 * name and phone, masked (张*, 138****1234). {@code score} is the mean of its scored answers on 0–100;
 * {@code excluded} says whether the office excluded it as an outlier.
 */
public record Response(long id, long questionnaireId, long unitId, Channel channel, String category, Long raterUnitId,
                       String respondentName, String respondentPhone, List<Answer> answers, BigDecimal score,
                       boolean excluded, Instant submittedAt) { }
