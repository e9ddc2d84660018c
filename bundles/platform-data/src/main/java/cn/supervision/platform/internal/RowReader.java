package cn.supervision.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import cn.supervision.api.platform.DataRow;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;

/**
 * Reads a batch document as it streams in: a JSON array of row objects or RFC 4180 CSV with a header (Commons CSV: a
 * quoted field may hold commas, doubled quotes and line breaks). Stops with "too large" as soon as the document holds
 * more rows than a batch may, so an oversized body is never held in memory.
 */
final class RowReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
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

    static List<DataRow> read(BatchFormat format, InputStream in, int maxRows) {
        try {
            return format == BatchFormat.CSV ? csv(in, maxRows) : json(in, maxRows);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static SupervisionException unreadable(IOException e) {
        if (e instanceof CharacterCodingException) {
            return SupervisionException.invalid("content", "内容不是 UTF-8 编码");
        }
        if (e.getCause() instanceof SupervisionException s) {
            return s;
        }
        return SupervisionException.invalid("content", "无法读取批次内容：" + e.getMessage());
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
                String[] fields = new String[5];
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    int at = slot(COLUMNS.get(name.toLowerCase(Locale.ROOT)));
                    if (at >= 0) {
                        fields[at] = t == JsonToken.VALUE_NULL ? null : clipped(p.getText());
                    }
                }
                rows.add(new DataRow(fields[0], fields[1], fields[2], fields[3], fields[4]));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw SupervisionException.invalid("content", "JSON 批次的每个元素必须是对象");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SupervisionException.invalid("content", "JSON 格式错误（第 " + e.getLocation().getLineNr() + " 行）");
        }
        return rows;
    }

    private static int slot(String column) {
        if (column == null) {
            return -1;
        }
        return switch (column) {
            case "metric" -> 0;
            case "unit" -> 1;
            case "date" -> 2;
            case "value" -> 3;
            default -> 4;
        };
    }

    private static String clipped(String text) {
        return text != null && text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) : text;
    }

    private static List<DataRow> csv(InputStream in, int maxRows) throws IOException {
        Reader reader = withoutBom(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSV).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of();
            }
            CSVRecord header = records.next();
            int[] at = {-1, -1, -1, -1, -1};
            for (int i = 0; i < header.size(); i++) {
                int slot = slot(COLUMNS.get(header.get(i).trim().toLowerCase(Locale.ROOT)));
                if (slot >= 0) {
                    at[slot] = i;
                }
            }
            String[] required = {"metric", "unit", "date", "value"};
            for (int i = 0; i < required.length; i++) {
                if (at[i] < 0) {
                    throw SupervisionException.invalid("content", "CSV 表头缺少列 " + required[i] + "（需要 metric,unit,date,value[,recordId]）");
                }
            }
            List<DataRow> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord r = records.next();
                if (blank(r)) {
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw tooMany(maxRows);
                }
                rows.add(new DataRow(get(r, at[0]), get(r, at[1]), get(r, at[2]), get(r, at[3]), get(r, at[4])));
            }
            return rows;
        }
    }

    /** A line of spaces only is skipped like an empty one. */
    private static boolean blank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank();
    }

    private static String get(CSVRecord r, int index) {
        if (index < 0 || index >= r.size()) {
            return null;
        }
        return clipped(r.get(index).trim());
    }

    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
