package cn.supervision.survey.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.survey.PublicForm;
import cn.supervision.api.survey.Receipt;
import cn.supervision.api.survey.Submission;
import cn.supervision.api.survey.SurveyService;
import cn.supervision.rest.bounds.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What respondents reach without an account: the mobile answering page, its form and its submission, by one-time token
 * ({@code t/...}) or shared link ({@code l/...}). Nothing here reveals other respondents or office data.
 */
@Path("/v1/questionnaires/public")
@cn.supervision.rest.bounds.PublicEndpoint
@Tag(name = "questionnaires-public", description = "公众填写（无需登录）：手机填写页面、问卷内容、提交；凭一次性填写码或公开链接")
public class PublicQuestionnaireResource {
    private final SurveyService surveys;
    private final byte[] page;

    public PublicQuestionnaireResource(SurveyService surveys) throws IOException {
        this.surveys = surveys;
        try (InputStream in = PublicQuestionnaireResource.class.getResourceAsStream("/public/answer.html")) {
            this.page = in.readAllBytes();
        }
    }

    /** The link to send or print for a token ("t") or a shared link ("l"). */
    static String pageLink(UriInfo uri, String kind, String value) {
        return uri.getBaseUriBuilder().path("v1/questionnaires/public/page").queryParam(kind, value).build().toString();
    }

    @GET
    @Path("page")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "手机填写页面", description = "?t=一次性填写码 或 ?l=公开链接标识")
    public Response page() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(new String(page, StandardCharsets.UTF_8)).cacheControl(cache)
                .header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("t/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "凭填写码取问卷")
    public PublicForm tokenForm(@PathParam("token") String token) {
        return surveys.formForToken(token);
    }

    @POST
    @Path("t/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "凭填写码提交（每个填写码一次）")
    public Response submitWithToken(@PathParam("token") String token, Submission submission) {
        Receipt r = surveys.submitWithToken(token, submission);
        return Response.status(201).entity(r).build();
    }

    @GET
    @Path("l/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "凭公开链接取问卷")
    public PublicForm linkForm(@PathParam("key") String key) {
        return surveys.formForLink(key);
    }

    @POST
    @Path("l/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "凭公开链接提交", description = "X-Device-Id：页面保存的随机设备标识；同一设备对同一单位只能评价一次，同一地址每小时提交次数有限")
    public Response submitWithLink(@Context HttpServletRequest request, @PathParam("key") String key,
                                   @HeaderParam("X-Device-Id") String device, Submission submission) {
        // the client as the gateway resolved it (behind a trusted proxy: from X-Forwarded-For), so each respondent has a budget
        Receipt r = surveys.submitWithLink(key, submission, ClientAddress.of(request), device);
        return Response.status(201).entity(r).build();
    }
}
