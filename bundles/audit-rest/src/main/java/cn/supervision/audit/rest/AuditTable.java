package cn.supervision.audit.rest;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditEvent;

/** The export's table: Chinese headers, Beijing time, one row per entry, with the chain's hashes for checking. */
final class AuditTable {
    static final List<Object> HEADER = List.of("序号", "时间", "用户", "角色", "行政区划", "来源地址", "渠道", "类型", "操作",
            "资源", "记录标识", "状态码", "结果", "前序哈希", "哈希");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(AuditResource.CHINA);

    private AuditTable() {
    }

    static List<List<Object>> rows(List<AuditEntry> entries) {
        List<List<Object>> rows = new ArrayList<>(entries.size() + 1);
        rows.add(HEADER);
        for (AuditEntry e : entries) {
            AuditEvent v = e.event();
            rows.add(Arrays.asList(e.sequence(), TIME.format(v.at()), text(v.username()), text(v.roles()), e.jurisdictionCode(),
                    text(v.source()), v.channel(), v.action().label(), text(v.method()), text(v.resource()), text(v.recordIds()),
                    v.status(), v.outcome().label(), e.previousHash(), e.hash()));
        }
        return rows;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * RFC 4180 with a BOM (Excel then reads UTF-8). A cell that a spreadsheet would take for a formula (an attacker
     * chooses the username of a failed login) is prefixed with an apostrophe.
     */
    static byte[] csv(List<List<Object>> rows) {
        StringBuilder b = new StringBuilder("\uFEFF");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(cell(row.get(i)));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (value instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
