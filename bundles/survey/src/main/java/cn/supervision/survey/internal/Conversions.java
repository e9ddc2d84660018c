package cn.supervision.survey.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Conversion;
import cn.supervision.api.survey.IndicatorBinding;
import cn.supervision.api.survey.Question;
import cn.supervision.api.survey.QuestionType;

/** The documented arithmetic of questionnaires: response scores, conversions, outliers. Pure functions. */
final class Conversions {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal TWENTY = BigDecimal.valueOf(20);
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_UP);

    private Conversions() {
    }

    /** The mean of a response's scored answers, each level × 20; null when it has none. */
    static BigDecimal score(List<Question> questions, List<Answer> answers) {
        Map<String, QuestionType> types = new HashMap<>();
        questions.forEach(q -> types.put(q.code(), q.type()));
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Answer a : answers) {
            QuestionType t = types.get(a.questionCode());
            if (t != null && t != QuestionType.TEXT && a.level() != null) {
                sum = sum.add(BigDecimal.valueOf(a.level()).multiply(TWENTY));
                n++;
            }
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /** The outcome of one binding over one unit's valid responses. */
    record Converted(BigDecimal value, int answers, String formula) { }

    /** Applies a binding to the answers of valid responses; null value when there is no answer to convert. */
    static Converted convert(IndicatorBinding binding, List<Question> questions, List<List<Answer>> responses) {
        Set<String> scored = new java.util.HashSet<>();
        for (Question q : questions) {
            boolean wanted = binding.questionCode() == null ? q.type() != QuestionType.TEXT : q.code().equals(binding.questionCode());
            if (wanted && (binding.conversion() != Conversion.SATISFACTION_RATE || q.type() == QuestionType.SATISFACTION)) {
                scored.add(q.code());
            }
        }
        List<Integer> levels = new ArrayList<>();
        for (List<Answer> r : responses) {
            for (Answer a : r) {
                if (scored.contains(a.questionCode()) && a.level() != null) {
                    levels.add(a.level());
                }
            }
        }
        String scope = binding.questionCode() == null ? "全部计分题" : "第 " + binding.questionCode() + " 题";
        if (levels.isEmpty()) {
            return new Converted(null, 0, scope + "无有效回答");
        }
        int n = levels.size();
        if (binding.conversion() == Conversion.SATISFACTION_RATE) {
            long verySatisfied = levels.stream().filter(l -> l == 5).count();
            long satisfied = levels.stream().filter(l -> l == 4).count();
            BigDecimal rate = BigDecimal.valueOf(verySatisfied + satisfied).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(n), PRECISION).setScale(2, RoundingMode.HALF_UP);
            return new Converted(rate, n, "满意率（" + scope + "）= (非常满意 " + verySatisfied + " + 满意 " + satisfied + ") ÷ 有效回答 " + n
                    + " × 100 = " + rate.toPlainString());
        }
        long sum = levels.stream().mapToLong(Integer::longValue).sum();
        BigDecimal mean = BigDecimal.valueOf(sum).multiply(TWENTY).divide(BigDecimal.valueOf(n), PRECISION).setScale(2, RoundingMode.HALF_UP);
        return new Converted(mean, n, "平均分（" + scope + "，百分制）= 各回答等级（1–5）× 20 之和 " + (sum * 20) + " ÷ 有效回答 " + n
                + " = " + mean.toPlainString());
    }

    /** Mean and population standard deviation of scores, 20 significant digits. */
    static BigDecimal[] meanAndDeviation(List<BigDecimal> scores) {
        BigDecimal n = BigDecimal.valueOf(scores.size());
        BigDecimal mean = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, PRECISION);
        BigDecimal variance = scores.stream().map(s -> s.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, PRECISION);
        return new BigDecimal[] {mean, variance.sqrt(PRECISION)};
    }

    /** Whether a score lies beyond two standard deviations of the mean. */
    static boolean beyondTwoSigma(BigDecimal score, BigDecimal mean, BigDecimal deviation) {
        return deviation.signum() > 0 && score.subtract(mean).abs().compareTo(deviation.multiply(BigDecimal.valueOf(2))) > 0;
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** 13812341234 → 138****1234; shorter numbers keep only their last 2 digits. */
    static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (phone.length() >= 11) {
            return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
        }
        return "*".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
    }
}
