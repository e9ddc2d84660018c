package cn.supervision.api.campaign;

/** A supervision period: a year, a quarter (number 1–4) or a month (1–12) of a year. */
public record Period(PeriodType type, int year, Integer number) {

    public enum PeriodType { YEAR, QUARTER, MONTH }

    /** "2026年", "2026年第3季度", "2026年7月". */
    public String label() {
        return switch (type) {
            case YEAR -> year + "年";
            case QUARTER -> year + "年第" + number + "季度";
            case MONTH -> year + "年" + number + "月";
        };
    }

    /** The period after this one, for rolling routine supervision. */
    public Period next() {
        return switch (type) {
            case YEAR -> new Period(type, year + 1, null);
            case QUARTER -> number == 4 ? new Period(type, year + 1, 1) : new Period(type, year, number + 1);
            case MONTH -> number == 12 ? new Period(type, year + 1, 1) : new Period(type, year, number + 1);
        };
    }
}
