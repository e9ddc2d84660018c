package cn.supervision.audit.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEntry;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.audit.AuditPage;
import cn.supervision.api.audit.AuditQuery;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.spreadsheet.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit trail for offices: their own jurisdiction's entries and those below, read-only by construction. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "审计日志（等保 2.0）：所有写操作、登录和登录失败，只增不改，哈希链防篡改")
public class AuditResource {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Operation(summary = "审计日志（分页，最新在前）", description = "筛选：jurisdiction（含下级）、user、from / to（yyyy-MM-dd 按北京时间，"
            + "或 ISO 时刻；to 不含）、action（WRITE、LOGIN_SUCCEEDED、LOGIN_FAILED）、outcome（SUCCEEDED、REFUSED、FAILED 或状态码）；"
            + "总数在 X-Total-Count。市、县编制部门查看本级及下级；其他角色 403")
    public Response list(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction, @QueryParam("user") String user,
                         @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("action") String action,
                         @QueryParam("outcome") String outcome, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("50") int limit) {
        AuditPage page = audit.list(caller(sc), query(jurisdiction, user, from, to, action, outcome, offset, limit));
        return Response.ok(page.entries()).header("X-Total-Count", page.total()).build();
    }

    @GET
    @Path("export")
    @Produces({"text/csv", XLSX})
    @Operation(summary = "导出审计日志", description = "筛选条件同列表；format=csv（默认，UTF-8 带 BOM）或 xlsx；中文表头；最多 "
            + AuditLog.MAX_EXPORT + " 条，超过时 400（请缩小时间范围）")
    public Response export(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction, @QueryParam("user") String user,
                           @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("action") String action,
                           @QueryParam("outcome") String outcome, @QueryParam("format") @DefaultValue("csv") String format)
            throws IOException {
        boolean xlsx = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "xlsx" -> true;
            default -> throw SupervisionException.invalid("format", "应为 csv 或 xlsx");
        };
        List<AuditEntry> entries = audit.export(caller(sc), query(jurisdiction, user, from, to, action, outcome, 0, 1));
        List<List<Object>> rows = AuditTable.rows(entries);
        if (xlsx) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Xlsx.write(out, List.of(new cn.supervision.spreadsheet.Sheet("审计日志", rows)));
            return Response.ok(out.toByteArray(), XLSX).header("Content-Disposition", "attachment; filename=\"audit.xlsx\"").build();
        }
        return Response.ok(AuditTable.csv(rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    static AuditQuery query(String jurisdiction, String user, String from, String to, String action, String outcome,
                            int offset, int limit) {
        AuditAction a = null;
        if (action != null && !action.isBlank()) {
            try {
                a = AuditAction.valueOf(action.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw SupervisionException.invalid("action", "应为 WRITE、LOGIN_SUCCEEDED 或 LOGIN_FAILED");
            }
        }
        return new AuditQuery(blank(jurisdiction), blank(user), instant("from", from), instant("to", to), a, blank(outcome),
                offset, limit);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A date is the start of that day in Beijing time; anything else must be an ISO instant. */
    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(CHINA).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw SupervisionException.invalid(field, "日期格式为 yyyy-MM-dd 或 ISO 时刻（如 2026-11-30T08:00:00Z）");
        }
    }
}
