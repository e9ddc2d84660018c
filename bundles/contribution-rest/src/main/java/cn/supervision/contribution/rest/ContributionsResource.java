package cn.supervision.contribution.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contributions", description = "县区贡献包：热部署的本地化指标体系、单位和规则插件")
public class ContributionsResource {
    static final int MAX_JAR_BYTES = 20 * 1024 * 1024;

    private final ContributionService contributions;

    public ContributionsResource(ContributionService contributions) {
        this.contributions = contributions;
    }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Operation(summary = "贡献包列表", description = "状态、版本、内容哈希、贡献的单位和指标体系数、被拒绝的理由")
    public List<Contribution> list(@Context SecurityContext sc) {
        return contributions.list(caller(sc));
    }

    @GET
    @Path("events")
    @Operation(summary = "贡献包事件（最新在前）", description = "每次安装、更新、拒绝和卸载各为一条，只追加不修改：渠道、上传人、清单声明的行政区划、哈希、理由")
    public List<ContributionEvent> events(@Context SecurityContext sc, @QueryParam("limit") Integer limit) {
        return contributions.recentEvents(caller(sc), limit == null ? 100 : limit);
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "一个贡献包（按符号名）的全部事件，最早在前")
    public List<ContributionEvent> eventsOf(@Context SecurityContext sc, @PathParam("id") long id) {
        return contributions.events(caller(sc), id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "一个贡献包记录")
    public Contribution get(@Context SecurityContext sc, @PathParam("id") long id) {
        return contributions.get(caller(sc), id);
    }

    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "上传（安装或更新）贡献包", description = "请求体为 bundle jar（最大 20 MB）。市级管理员可为任何下级行政区划上传，"
            + "县区管理员只能为本行政区划上传，且只能上传数据贡献包（只含 SUPERVISION-INF）；含代码的须由市级管理员上传并由可信证书签名。"
            + "可选 jurisdiction 参数让无权上传的请求在读取请求体之前即被拒绝。符号名属于首先安装它的行政区划。"
            + "返回处理结果：ACTIVE，或 REJECTED 及全部理由")
    public Response upload(@Context SecurityContext sc, @Context UriInfo uri, @QueryParam("jurisdiction") String jurisdiction,
                           @HeaderParam("Content-Length") Long length, InputStream body) throws IOException {
        // authority first, size second, body last: nobody unauthorised makes the platform read (or buffer) a byte
        contributions.checkUploader(caller(sc), jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.trim());
        if (length != null && length > MAX_JAR_BYTES) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = body.read(buf)) > 0) {
            if (out.size() + n > MAX_JAR_BYTES) {
                throw tooLarge();
            }
            out.write(buf, 0, n);
        }
        if (out.size() == 0) {
            throw SupervisionException.invalid("body", "请求体为空：请上传贡献包 jar");
        }
        Contribution c = contributions.upload(caller(sc), out.toByteArray());
        return Response.created(uri.getBaseUriBuilder().path("v1/contributions/{id}").build(c.id())).entity(c).build();
    }

    private static SupervisionException tooLarge() {
        return new SupervisionException(ProblemKind.TOO_LARGE, "请求体过大", "贡献包不能超过 " + (MAX_JAR_BYTES >> 20) + " MB", null);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "卸载贡献包", description = "其指标体系转为停用，引用它们的记录不受影响，什么都不删除")
    public Contribution uninstall(@Context SecurityContext sc, @PathParam("id") long id) {
        return contributions.uninstall(caller(sc), id);
    }
}
