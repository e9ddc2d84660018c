package cn.supervision.platform.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import cn.supervision.api.platform.DataRow;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;

/**
 * Reads a batch document as it streams in: a JSON array of row objects or CSV with a header. Stops with 413 as soon as
 * the document holds more rows than a batch may, so an oversized body is never held in memory.
 */
final class RowReader {
    private static final JsonFactory JSON = new JsonFactory();
    /** Header names, English or the Chinese an office's export uses. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("metric", "metric"), Map.entry("指标", "metric"), Map.entry("指标代码", "metric"),
            Map.entry("unit", "unit"), Map.entry("单位", "unit"), Map.entry("部门", "unit"), Map.entry("单位代码", "unit"),
            Map.entry("date", "date"), Map.entry("日期", "date"),
            Map.entry("value", "value"), Map.entry("数值", "value"), Map.entry("值", "value"),
            Map.entry("recordid", "recordId"), Map.entry("记录号", "recordId"), Map.entry("工单号", "recordId"));
    static final int MAX_FIELD = 200;

    private RowReader() {
    }

    static List<DataRow> read(String format, InputStream in, int maxRows) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        try {
            if (f.contains("csv")) {
                return csv(in, maxRows);
            }
            if (f.contains("json")) {
                return json(in, maxRows);
            }
        } catch (CharacterCodingException e) {
            throw SupervisionException.invalid("content", "内容不是 UTF-8 编码");
        } catch (IOException e) {
            if (e.getCause() instanceof SupervisionException s) {
                throw s;
            }
            throw SupervisionException.invalid("content", "无法读取批次内容：" + e.getMessage());
        }
        throw new SupervisionException(ProblemKind.UNSUPPORTED_TYPE, "格式不支持", "批次格式必须是 JSON（application/json）或 CSV（text/csv）", null);
    }

    static SupervisionException tooMany(int maxRows) {
        return new SupervisionException(ProblemKind.TOO_LARGE, "批次过大", "一个批次最多 " + maxRows + " 行，请拆分后分批提交", null);
    }

    private static List<DataRow> json(InputStream in, int maxRows) throws IOException {
        List<DataRow> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw SupervisionException.invalid("content", "JSON 批次必须是数据行的数组");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                if (rows.size() >= maxRows) {
                    throw tooMany(maxRows);
                }
                String metric = null;
                String unit = null;
                String date = null;
                String value = null;
                String recordId = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.getCurrentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    String text = t == JsonToken.VALUE_NULL ? null : p.getText();
                    if (text != null && text.length() > MAX_FIELD) {
                        text = text.substring(0, MAX_FIELD);
                    }
                    switch (COLUMNS.getOrDefault(name.toLowerCase(Locale.ROOT), "")) {
                        case "metric" -> metric = text;
                        case "unit" -> unit = text;
                        case "date" -> date = text;
                        case "value" -> value = text;
                        case "recordId" -> recordId = text;
                        default -> { }
                    }
                }
                rows.add(new DataRow(metric, unit, date, value, recordId));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw SupervisionException.invalid("content", "JSON 批次的每个元素必须是对象");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SupervisionException.invalid("content", "JSON 格式错误（第 " + e.getLocation().getLineNr() + " 行）");
        }
        return rows;
    }

    private static List<DataRow> csv(InputStream in, int maxRows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        String header = reader.readLine();
        if (header == null) {
            return List.of();
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = fields(header);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String column = COLUMNS.get(names.get(i).trim().toLowerCase(Locale.ROOT));
            if (column != null) {
                at.put(column, i);
            }
        }
        for (String required : List.of("metric", "unit", "date", "value")) {
            if (!at.containsKey(required)) {
                throw SupervisionException.invalid("content", "CSV 表头缺少列 " + required + "（需要 metric,unit,date,value[,recordId]）");
            }
        }
        List<DataRow> rows = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw tooMany(maxRows);
            }
            List<String> f = fields(line);
            rows.add(new DataRow(get(f, at.get("metric")), get(f, at.get("unit")), get(f, at.get("date")), get(f, at.get("value")),
                    get(f, at.get("recordId"))));
        }
        return rows;
    }

    private static String get(List<String> fields, Integer index) {
        if (index == null || index >= fields.size()) {
            return null;
        }
        String v = fields.get(index).trim();
        return v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) : v;
    }

    /** One CSV line: commas, fields optionally quoted with "" for a quote inside. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
