package cn.supervision.platform.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.supervision.api.platform.DataRow;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.platform.RowError;
import cn.supervision.api.problem.SupervisionException;

/** What a batch row must be to be stored: the formats of days and numbers an office's exports use, and the row checks. */
final class RowRules {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");
    private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu.M.d"));
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");

    /** A validated row, ready to store. */
    record Clean(long metricId, long unitId, int day, String recordKey, BigDecimal value) { }

    /** The rows that passed and the reasons of those that did not, by line. */
    record Checked(List<Clean> clean, List<RowError> rejected) { }

    private RowRules() {
    }

    static void checkIds(String sourceSystem, String clientBatchId) {
        if (clientBatchId == null || !ID.matcher(clientBatchId).matches()) {
            throw SupervisionException.invalid("clientBatchId", "批次号必填（字母、数字、._:-，不超过 64 个字符），重复提交同一批次号不会重复入库");
        }
        if (sourceSystem == null || !ID.matcher(sourceSystem).matches()) {
            throw SupervisionException.invalid("sourceSystem", "来源系统代码必填（字母、数字、._:-，不超过 64 个字符）");
        }
    }

    static void checkRows(List<DataRow> rows) {
        if (rows == null || rows.isEmpty()) {
            throw SupervisionException.invalid("rows", "批次没有数据行");
        }
        if (rows.size() > PlatformDataService.MAX_ROWS) {
            throw RowReader.tooMany(PlatformDataService.MAX_ROWS);
        }
    }

    /** Checks every row against the jurisdiction's metrics and unit keys (codes and the source's mapped names). */
    static Checked check(List<DataRow> rows, Map<String, Long> metricIds, Map<String, Long> unitKeys, String sourceSystem) {
        List<Clean> clean = new ArrayList<>(rows.size());
        List<RowError> rejected = new ArrayList<>();
        Set<Key> seen = new HashSet<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            int line = i + 1;
            DataRow r = rows.get(i);
            if (r == null) {
                rejected.add(new RowError(line, "row", "空行"));
                continue;
            }
            int before = rejected.size();
            Long metricId = r.metric() == null ? null : metricIds.get(r.metric().trim());
            if (metricId == null) {
                rejected.add(new RowError(line, "metric", r.metric() == null || r.metric().isBlank() ? "缺少指标代码" : "未定义的指标 " + r.metric()));
            }
            Long unitId = r.unit() == null ? null : unitKeys.get(r.unit().trim());
            if (unitId == null) {
                rejected.add(new RowError(line, "unit", r.unit() == null || r.unit().isBlank() ? "缺少单位"
                        : "单位“" + r.unit() + "”既不是本行政区划的单位代码，也没有在来源系统 " + sourceSystem + " 的映射表中，请先维护映射"));
            }
            LocalDate date = day(r.date());
            if (date == null) {
                rejected.add(new RowError(line, "date", "日期“" + r.date() + "”无法识别（yyyy-MM-dd、yyyy/M/d、yyyyMMdd 或 yyyy-MM）"));
            }
            BigDecimal value = number(r.value());
            if (value == null) {
                rejected.add(new RowError(line, "value", "数值“" + r.value() + "”不是有效数字"));
            }
            String recordKey = r.recordId() == null ? "" : r.recordId().trim();
            if (recordKey.length() > 64) {
                rejected.add(new RowError(line, "recordId", "记录号不超过 64 个字符"));
            }
            if (rejected.size() == before) {
                int day = dayKey(date);
                if (!seen.add(new Key(metricId, unitId, day, recordKey))) {
                    rejected.add(new RowError(line, "row", "与本批次前面的行重复（同一指标、单位、日期和记录号）"));
                } else {
                    clean.add(new Clean(metricId, unitId, day, recordKey, value));
                }
            }
        }
        return new Checked(clean, rejected);
    }

    /** The stored key of a value: a record, not a concatenated string, so a million rows make no million key strings. */
    private record Key(long metricId, long unitId, int day, String recordKey) { }

    static int dayKey(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    static LocalDate fromKey(int key) {
        return LocalDate.of(key / 10_000, key / 100 % 100, key % 100);
    }

    static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
            t = t.substring(0, 10); // a timestamp: its date
        }
        for (DateTimeFormatter f : DAYS) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeException e) {
                // next pattern
            }
        }
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? LocalDate.of(Integer.parseInt(m.group(1)), month, 1) : null;
        }
        return null;
    }

    static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        boolean percent = t.endsWith("%");
        try {
            BigDecimal v = new BigDecimal(percent ? t.substring(0, t.length() - 1).trim() : t);
            if (v.abs().compareTo(LIMIT) >= 0) {
                return null;
            }
            return v.setScale(4, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 94.0000 → 94, 100.0000 → 100 (not 1E+2), 96.5000 → 96.5. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
