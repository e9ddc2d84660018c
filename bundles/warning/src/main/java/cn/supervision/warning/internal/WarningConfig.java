package cn.supervision.warning.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import cn.supervision.api.warning.WarningRule;

/**
 * The rules' configuration ({@code etc/cn.supervision.warning.cfg}, defaults in the Blueprint): which rules are off,
 * the thresholds, the 12345 metric and target, the reminder interval. Invalid values refuse to start the bundle with a
 * message naming the key, rather than running rules with a silently different threshold.
 */
public final class WarningConfig {
    /** The 12345 window: the last complete calendar month or quarter before today. */
    public enum Window { MONTH, QUARTER }

    private final Set<WarningRule> disabled;
    private final BigDecimal lowViewThreshold;
    private final BigDecimal fallingPoints;
    private final String hotlineMetric;
    private final BigDecimal hotlineTarget;
    private final Window hotlineWindow;
    private final int reminderDays;
    private final int dutyYears;

    /** With the default window of the duty coverage rule (3 years). */
    public WarningConfig(String disabled, String lowViewThreshold, String fallingPoints, String hotlineMetric,
                         String hotlineTarget, String hotlineWindow, String reminderDays) {
        this(disabled, lowViewThreshold, fallingPoints, hotlineMetric, hotlineTarget, hotlineWindow, reminderDays, "3");
    }

    public WarningConfig(String disabled, String lowViewThreshold, String fallingPoints, String hotlineMetric,
                         String hotlineTarget, String hotlineWindow, String reminderDays, String dutyYears) {
        EnumSet<WarningRule> off = EnumSet.noneOf(WarningRule.class);
        if (disabled != null) {
            Arrays.stream(disabled.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(s -> off.add(parse("rules.disabled", () -> WarningRule.valueOf(s.toUpperCase(Locale.ROOT)))));
        }
        this.disabled = off;
        this.lowViewThreshold = number("lowView.threshold", lowViewThreshold);
        this.fallingPoints = number("fallingScore.points", fallingPoints);
        this.hotlineMetric = hotlineMetric == null ? "" : hotlineMetric.trim();
        this.hotlineTarget = number("hotline.target", hotlineTarget);
        this.hotlineWindow = parse("hotline.window", () -> Window.valueOf(hotlineWindow.trim().toUpperCase(Locale.ROOT)));
        this.reminderDays = parse("reminder.days", () -> Integer.parseInt(reminderDays.trim()));
        if (this.reminderDays < 1) {
            throw new IllegalArgumentException("cn.supervision.warning: reminder.days must be at least 1");
        }
        this.dutyYears = parse("dutyNotAssessed.years", () -> Integer.parseInt(dutyYears.trim()));
        if (this.dutyYears < 1 || this.dutyYears > 30) {
            throw new IllegalArgumentException("cn.supervision.warning: dutyNotAssessed.years must be between 1 and 30");
        }
    }

    /** The shipped defaults (what the Blueprint passes when etc/ says nothing). */
    public static WarningConfig defaults() {
        return new WarningConfig("", "60", "10", "hotline12345.onTimeRate", "90", "MONTH", "7", "3");
    }

    private static BigDecimal number(String key, String text) {
        BigDecimal n = parse(key, () -> new BigDecimal(text.trim()));
        if (n.signum() < 0) {
            throw new IllegalArgumentException("cn.supervision.warning: " + key + " must not be negative");
        }
        return n;
    }

    private static <T> T parse(String key, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cn.supervision.warning: invalid " + key, e);
        }
    }

    public boolean enabled(WarningRule rule) {
        return !disabled.contains(rule) && !(rule == WarningRule.HOTLINE_ON_TIME && hotlineMetric.isEmpty());
    }

    public BigDecimal lowViewThreshold() { return lowViewThreshold; }
    public BigDecimal fallingPoints() { return fallingPoints; }
    public String hotlineMetric() { return hotlineMetric; }
    public BigDecimal hotlineTarget() { return hotlineTarget; }
    public Window hotlineWindow() { return hotlineWindow; }
    public int reminderDays() { return reminderDays; }
    /** A unit's active duties not assessed by any campaign in this many years (the current one included) raise a warning. */
    public int dutyYears() { return dutyYears; }
}
