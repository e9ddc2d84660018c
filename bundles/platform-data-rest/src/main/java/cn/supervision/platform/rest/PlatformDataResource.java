package cn.supervision.platform.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.platform.Batch;
import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.CampaignFeedResult;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.Metric;
import cn.supervision.api.platform.MetricBinding;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.platform.SourceMapping;
import cn.supervision.api.platform.StoredRow;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import cn.supervision.rest.bounds.ProblemStatus;
import cn.supervision.rest.bounds.StreamedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/platform-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "platform-data", description = "平台数据（12345 热线、好差评、互联网+监管等）：指标、部门映射、批次入库、汇总、定时拉取、计入监管活动")
public class PlatformDataResource {
    /** Batches and feed runs listed: the newest this many (what the service keeps a listing to), paged by the gateway. */
    static final int NEWEST = 1_000;
    /** A unit's rows listed: the first this many in date order (the service's own bound), paged by the gateway. */
    static final int ROWS = 10_000;

    private final PlatformDataService data;
    private final long maxBytes;

    public PlatformDataResource(PlatformDataService data, int maxMegabytes) {
        this.data = data;
        this.maxBytes = maxMegabytes * 1024L * 1024L;
    }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw SupervisionException.invalid(field, "日期格式为 yyyy-MM-dd");
        }
    }

    @GET
    @Paged
    @Path("jurisdictions/{code}/metrics")
    @Operation(summary = "平台数据指标")
    public List<Metric> metrics(@Context SecurityContext sc, @PathParam("code") String code) {
        return data.metrics(caller(sc), code);
    }

    @PUT
    @Path("jurisdictions/{code}/metrics/{metric}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "定义或修改指标", description = "aggregation：SUM 合计（件数）、MEAN 平均（比率）、MIN、MAX、COUNT 行数（如工单数）")
    public Metric saveMetric(@Context SecurityContext sc, @PathParam("code") String code, @PathParam("metric") String metric, Metric body) {
        if (body == null) {
            throw SupervisionException.invalid("name", "必须提供指标定义");
        }
        return data.saveMetric(caller(sc), code, new Metric(code, metric, body.name(), body.unitOfMeasure(), body.sourceSystem(),
                body.aggregation(), null, null));
    }

    @GET
    @Paged
    @Path("jurisdictions/{code}/mappings")
    @Operation(summary = "来源系统部门映射表")
    public List<SourceMapping> mappings(@Context SecurityContext sc, @PathParam("code") String code, @QueryParam("source") String source) {
        return data.mappings(caller(sc), code, source);
    }

    @PUT
    @Path("jurisdictions/{code}/mappings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新增或修改映射（来源系统 + 部门名称或代码 → 单位）")
    public List<SourceMapping> saveMappings(@Context SecurityContext sc, @PathParam("code") String code, List<SourceMapping> mappings) {
        return data.saveMappings(caller(sc), code, mappings);
    }

    @POST
    @Path("jurisdictions/{code}/batches")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv"})
    @StreamedBody
    @Operation(summary = "提交一个数据批次", description = "JSON 数组（metric、unit、date、value、recordId）或 CSV（表头 metric,unit,date,value[,recordId]，"
            + "也可用 指标,单位,日期,数值,记录号）。整批校验：全部通过才入库（201），任何一行有误整批不入库（422，逐行列出原因）；"
            + "同一 clientBatchId 再次提交不重复入库（200，status=DUPLICATE）；超过行数或大小上限 413")
    public Response ingest(@Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("code") String code,
                           @QueryParam("sourceSystem") String sourceSystem, @QueryParam("clientBatchId") String clientBatchId,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        if (length != null && length > maxBytes) {
            return refuse(tooLarge());
        }
        String format = BatchContentType.format(headers.getMediaType());
        BatchReceipt r;
        try {
            r = data.ingest(caller(sc), code, sourceSystem, clientBatchId, "REST", format, new Limited(body, maxBytes));
        } catch (SupervisionException e) {
            if (e.kind() == ProblemKind.TOO_LARGE) {
                return refuse(e);
            }
            throw e;
        }
        int status = switch (r.status()) {
            case APPLIED -> 201;
            case DUPLICATE -> 200;
            case REJECTED -> 422;
        };
        return Response.status(status).entity(r).build();
    }

    /**
     * 413 with {@code Connection: close}: the server then stops receiving the rest of an oversized body instead of
     * reading it to keep the connection.
     */
    private static Response refuse(SupervisionException e) {
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("status", ProblemStatus.of(e.kind()));
        problem.put("title", e.title());
        problem.put("detail", e.getMessage());
        return Response.status(ProblemStatus.of(e.kind())).type("application/problem+json").header("Connection", "close").entity(problem).build();
    }

    private SupervisionException tooLarge() {
        return new SupervisionException(ProblemKind.TOO_LARGE, "批次过大", "请求体超过 " + maxBytes / 1024 / 1024 + " MB，请拆分后分批提交", null);
    }

    /** Counts what is read and stops at the limit, so an oversized body is refused without being held in memory. */
    private final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        private void count(long n) throws IOException {
            if (n > 0 && (read += n) > limit) {
                throw new IOException(tooLarge());
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }
    }

    @GET
    @Paged
    @Path("jurisdictions/{code}/batches")
    @Operation(summary = "最近的批次", description = "最近的 " + NEWEST + " 个批次，新的在前，分页：offset、limit（默认 100，最大 1000）")
    public List<Batch> batches(@Context SecurityContext sc, @PathParam("code") String code) {
        return data.batches(caller(sc), code, NEWEST);
    }

    @GET
    @Path("jurisdictions/{code}/batches/{clientBatchId}")
    @Operation(summary = "按客户端批次号查批次（确认是否已入库）")
    public Batch batch(@Context SecurityContext sc, @PathParam("code") String code, @PathParam("clientBatchId") String clientBatchId) {
        return data.batch(caller(sc), code, clientBatchId);
    }

    @GET
    @Path("jurisdictions/{code}/metrics/{metric}/aggregate")
    @Operation(summary = "指标按单位汇总（含所依据的批次）")
    public List<Aggregate> aggregate(@Context SecurityContext sc, @PathParam("code") String code, @PathParam("metric") String metric,
                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        return data.aggregate(caller(sc), code, metric, date("from", from), date("to", to));
    }

    @GET
    @Paged
    @Path("jurisdictions/{code}/metrics/{metric}/rows")
    @Operation(summary = "一个单位的明细数据（钻取到批次）")
    public List<StoredRow> rows(@Context SecurityContext sc, @PathParam("code") String code, @PathParam("metric") String metric,
                                @QueryParam("unit") Long unitId, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (unitId == null) {
            throw SupervisionException.invalid("unit", "必须指定单位（?unit=）");
        }
        return data.rows(caller(sc), code, metric, unitId, date("from", from), date("to", to), ROWS);
    }

    @POST
    @Path("campaigns/{id}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "把监管周期内的平台数据计入监管活动", description = "每个对应关系把一个平台数据指标按其汇总方式汇总为对应平台数据类指标的输入"
            + "（asOccurrences=true 时作为次数），来源写明行数和批次")
    public CampaignFeedResult apply(@Context SecurityContext sc, @PathParam("id") long id, List<MetricBinding> bindings) {
        return data.applyToCampaign(caller(sc), id, bindings);
    }

    @GET
    @Path("feeds")
    @Operation(summary = "定时拉取任务")
    public List<FeedDefinition> feeds(@Context SecurityContext sc) {
        return data.feeds(caller(sc));
    }

    @POST
    @Path("feeds/{name}/runs")
    @Operation(summary = "立即运行一次拉取（等待结果，含重试）")
    public FeedRun run(@Context SecurityContext sc, @PathParam("name") String name) {
        return data.runFeed(caller(sc), name);
    }

    @GET
    @Paged
    @Path("feeds/{name}/runs")
    @Operation(summary = "拉取运行记录")
    public List<FeedRun> runs(@Context SecurityContext sc, @PathParam("name") String name) {
        return data.feedRuns(caller(sc), name, NEWEST);
    }
}
