package cn.supervision.platform.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import cn.supervision.api.platform.FeedDefinition;

/** The feeds configured ({@code etc/cn.supervision.platform.feed-NAME.cfg}), by configuration, and their calendar. */
final class FeedDefinitions {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Map<Object, FeedDefinition> byConfiguration = new ConcurrentHashMap<>();

    void put(Object configuration, FeedDefinition d) {
        byConfiguration.put(configuration, d);
    }

    FeedDefinition remove(Object configuration) {
        return byConfiguration.remove(configuration);
    }

    List<FeedDefinition> all() {
        return byConfiguration.values().stream().sorted(Comparator.comparing(FeedDefinition::name)).toList();
    }

    /** The definitions as they may be shown: credentials in locations masked. */
    List<FeedDefinition> shown() {
        return all().stream().map(d -> new FeedDefinition(d.name(), d.type(), d.jurisdictionCode(), d.sourceSystem(),
                HttpFeed.masked(d.location()), d.format(), d.daysOfMonth(), d.time(), d.timeoutSeconds(), d.retries(),
                d.retryDelaySeconds())).toList();
    }

    FeedDefinition named(String name) {
        return byConfiguration.values().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    /** A definition from a configuration's properties; every problem found is in the exception's message. */
    static FeedDefinition parse(Map<String, ?> p) {
        List<String> problems = new ArrayList<>();
        String name = text(p, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name 必填（字母、数字、_-，不超过 32 个字符）");
        }
        String type = Objects.requireNonNullElse(text(p, "type"), "http");
        String jurisdiction = text(p, "jurisdiction");
        if (jurisdiction == null) {
            problems.add("jurisdiction 必填");
        }
        String source = text(p, "sourceSystem");
        if (source == null || !RowRules.ID.matcher(source).matches()) {
            problems.add("sourceSystem 必填");
        }
        String location = text(p, "location");
        if (location == null) {
            problems.add("location 必填");
        } else if (type.equals("http") && !isHttpLocation(location)) {
            // never quoted: an address that does not parse may not mask cleanly either
            problems.add("location 必须是有效的 http 或 https 地址（用户名和密码中的特殊字符需按百分号编码）");
        }
        String format = Objects.requireNonNullElse(text(p, "format"), "json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            problems.add("format 必须是 json 或 csv");
        }
        TreeSet<Integer> days = new TreeSet<>();
        for (String day : Objects.requireNonNullElse(text(p, "daysOfMonth"), "1,15").split(",")) {
            try {
                int n = Integer.parseInt(day.trim());
                if (n < 1 || n > 31) {
                    throw new NumberFormatException();
                }
                days.add(n);
            } catch (NumberFormatException e) {
                problems.add("daysOfMonth 必须是 1 至 31 的日期，以逗号分隔");
                break;
            }
        }
        String time = Objects.requireNonNullElse(text(p, "time"), "02:00");
        try {
            LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            problems.add("time 必须是 HH:mm");
        }
        int timeout = number(p, "timeoutSeconds", 60, 1, 3_600, problems);
        int retries = number(p, "retries", 3, 0, 20, problems);
        int delay = number(p, "retryDelaySeconds", 300, 0, 86_400, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        return new FeedDefinition(name, type, jurisdiction, source, location, format, List.copyOf(days), time, timeout, retries, delay);
    }

    private static boolean isHttpLocation(String location) {
        try {
            URI u = new URI(location);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(Map<String, ?> p, String key) {
        Object v = p.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static int number(Map<String, ?> p, String key, int fallback, int min, int max, List<String> problems) {
        String v = text(p, key);
        try {
            int n = v == null ? fallback : Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + " 必须是 " + min + " 至 " + max + " 的整数");
            return fallback;
        }
    }

    /** The first scheduled time strictly after {@code after} (days that a month lacks are skipped). */
    static ZonedDateTime next(FeedDefinition d, ZonedDateTime after) {
        LocalTime at = LocalTime.parse(d.time());
        LocalDate day = after.toLocalDate();
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            ZonedDateTime t = day.atTime(at).atZone(ZONE);
            if (d.daysOfMonth().contains(day.getDayOfMonth()) && t.isAfter(after)) {
                return t;
            }
        }
        throw new IllegalStateException("no schedule for " + d.name());
    }

    /** The last scheduled time at or before {@code now}, within the past year. */
    static ZonedDateTime previous(FeedDefinition d, ZonedDateTime now) {
        LocalTime at = LocalTime.parse(d.time());
        LocalDate day = now.toLocalDate();
        for (int i = 0; i < 400; i++, day = day.minusDays(1)) {
            ZonedDateTime t = day.atTime(at).atZone(ZONE);
            if (d.daysOfMonth().contains(day.getDayOfMonth()) && !t.isAfter(now)) {
                return t;
            }
        }
        return null;
    }
}
