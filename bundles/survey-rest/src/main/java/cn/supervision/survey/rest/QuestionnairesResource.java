package cn.supervision.survey.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.AccessRecord;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Application;
import cn.supervision.api.survey.Outlier;
import cn.supervision.api.survey.PeerPair;
import cn.supervision.api.survey.PeerTask;
import cn.supervision.api.survey.Progress;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireDraft;
import cn.supervision.api.survey.Receipt;
import cn.supervision.api.survey.Respondent;
import cn.supervision.api.survey.SurveyService;
import cn.supervision.api.survey.Token;
import cn.supervision.api.survey.TokenRequest;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Path("/v1/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "questionnaires", description = "部门互评与社会评议问卷：定义、互评关系、一次性填写码、答卷、离群处理、换算为监管活动的印证指标输入")
public class QuestionnairesResource {
    private final SurveyService surveys;

    public QuestionnairesResource(SurveyService surveys) {
        this.surveys = surveys;
    }

    /** The body of {@code POST /v1/questionnaires}. */
    public record NewQuestionnaire(Long campaignId, QuestionnaireDraft definition) { }

    /** The body of a peer review. */
    public record PeerResponse(Long ratedUnitId, List<Answer> answers) { }

    /** Why personal data is read. */
    public record Purpose(String reason) { }

    /** The office's decision on an outlier. */
    public record Decision(Boolean accept, String note) { }

    /** An issued token with the links to send (SMS) or print (QR code). */
    public record IssuedToken(Token token, String link) { }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "监管活动的问卷列表")
    public List<Questionnaire> list(@Context SecurityContext sc, @QueryParam("campaign") Long campaignId) {
        if (campaignId == null) {
            throw SupervisionException.invalid("campaign", "必须指定监管活动（?campaign=）");
        }
        return surveys.list(caller(sc), campaignId);
    }

    @GET
    @Path("peer-reviews")
    @Operation(summary = "本单位参与评价的部门互评（单位用户）", description = "发放中和已结束的部门互评中，本单位需要评价其他单位的问卷，新的在前")
    public List<Questionnaire> peerReviews(@Context SecurityContext sc) {
        return surveys.peerReviews(caller(sc));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建问卷（草稿）", description = "kind：PEER_REVIEW 部门互评 / PUBLIC_EVALUATION 社会评议；题型 SATISFACTION（非常满意…非常不满意，"
            + "5…1）、RATING（1–5 星）、TEXT；bindings 说明换算为哪个印证指标：SATISFACTION_RATE 满意率 =（非常满意+满意）÷有效回答×100，"
            + "MEAN_SCORE 平均分 = 等级×20 的平均值")
    public Response create(@Context SecurityContext sc, @Context UriInfo uri, NewQuestionnaire body) {
        if (body == null || body.campaignId() == null) {
            throw SupervisionException.invalid("campaignId", "必须指定监管活动");
        }
        Questionnaire q = surveys.create(caller(sc), body.campaignId(), body.definition());
        return Response.created(uri.getBaseUriBuilder().path("v1/questionnaires/{id}").build(q.id())).entity(q).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "问卷")
    public Questionnaire get(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.get(caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改草稿问卷的定义")
    public Questionnaire update(@Context SecurityContext sc, @PathParam("id") long id, QuestionnaireDraft definition) {
        return surveys.update(caller(sc), id, definition);
    }

    @POST
    @Path("{id}/open")
    @Operation(summary = "发放问卷", description = "固定评价对象（及互评关系）；社会评议开启公开链接时生成链接")
    public Questionnaire open(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.open(caller(sc), id);
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "结束问卷，不再接受填写")
    public Questionnaire close(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.close(caller(sc), id);
    }

    @GET
    @Path("{id}/peer-matrix")
    @Operation(summary = "互评关系（默认每个评价对象评价其他全部对象）")
    public List<PeerPair> matrix(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.peerMatrix(caller(sc), id);
    }

    @PUT
    @Path("{id}/peer-matrix")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改互评关系（草稿时）")
    public List<PeerPair> setMatrix(@Context SecurityContext sc, @PathParam("id") long id, List<PeerPair> pairs) {
        return surveys.setPeerMatrix(caller(sc), id, pairs);
    }

    @GET
    @Path("{id}/peer-tasks")
    @Operation(summary = "本单位需要评价的单位（单位用户）")
    public List<PeerTask> tasks(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.peerTasks(caller(sc), id);
    }

    @POST
    @Path("{id}/peer-responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "提交对一个单位的互评（单位用户，每对一次，提交后不能修改）")
    public Response peer(@Context SecurityContext sc, @PathParam("id") long id, PeerResponse body) {
        if (body == null || body.ratedUnitId() == null) {
            throw SupervisionException.invalid("ratedUnitId", "必须指定被评价的单位");
        }
        Receipt r = surveys.submitPeer(caller(sc), id, body.ratedUnitId(), body.answers());
        return Response.status(201).entity(r).build();
    }

    @POST
    @Path("{id}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "发放一次性填写码", description = "返回填写码及其链接（短信或二维码）；填写码只在此时返回一次，平台只保存其摘要")
    public Response issue(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id, TokenRequest request) {
        List<IssuedToken> issued = surveys.issueTokens(caller(sc), id, request).stream()
                .map(t -> new IssuedToken(t, PublicQuestionnaireResource.pageLink(uri, "t", t.value()))).toList();
        return Response.status(201).entity(issued).build();
    }

    @GET
    @Paged
    @Path("{id}/tokens")
    @Operation(summary = "填写码及使用情况（个人信息已脱敏）")
    public List<Token> tokens(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.tokens(caller(sc), id);
    }

    @POST
    @Path("{id}/tokens/{tokenId}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "查看填写码接收人的个人信息（须写明用途，留痕）")
    public Respondent revealToken(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("tokenId") long tokenId, Purpose body) {
        return surveys.revealToken(caller(sc), id, tokenId, body == null ? null : body.reason());
    }

    @GET
    @Paged
    @Path("{id}/responses")
    @Operation(summary = "答卷（机构编制部门；个人信息已脱敏）")
    public List<cn.supervision.api.survey.Response> responses(@Context SecurityContext sc, @PathParam("id") long id,
                                                             @QueryParam("unit") Long unitId) {
        return surveys.responses(caller(sc), id, unitId);
    }

    @POST
    @Path("{id}/responses/{responseId}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "查看答卷人的个人信息（须写明用途，留痕）")
    public Respondent reveal(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("responseId") long responseId, Purpose body) {
        return surveys.reveal(caller(sc), id, responseId, body == null ? null : body.reason());
    }

    @GET
    @Paged
    @Path("{id}/access-log")
    @Operation(summary = "个人信息查看记录")
    public List<AccessRecord> accessLog(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.accessLog(caller(sc), id);
    }

    @GET
    @Path("{id}/progress")
    @Operation(summary = "回收进度：每个评价对象的样本量、每类评议对象的配额")
    public Progress progress(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.progress(caller(sc), id);
    }

    @GET
    @Paged
    @Path("{id}/outliers")
    @Operation(summary = "离群答卷（偏离该单位平均分 2 个标准差以上）及处理情况")
    public List<Outlier> outliers(@Context SecurityContext sc, @PathParam("id") long id) {
        return surveys.outliers(caller(sc), id);
    }

    @POST
    @Path("{id}/outliers/{responseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "采信或剔除离群答卷（须写明理由，留痕）")
    public Outlier decide(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("responseId") long responseId, Decision body) {
        if (body == null || body.accept() == null) {
            throw SupervisionException.invalid("accept", "必须说明采信（true）或剔除（false）");
        }
        return surveys.decideOutlier(caller(sc), id, responseId, body.accept(), body.note());
    }

    @POST
    @Path("{id}/apply")
    @Operation(summary = "换算为监管活动的输入", description = "按 bindings 把有效答卷换算为部门互评或社会评议指标的输入，说明中写明公式和样本；"
            + "未达最低样本量的单位默认跳过（belowMinimum=true 时照样换算并注明），有待处理离群答卷的单位跳过")
    public Application apply(@Context SecurityContext sc, @PathParam("id") long id,
                             @QueryParam("belowMinimum") @DefaultValue("false") boolean belowMinimum) {
        return surveys.apply(caller(sc), id, belowMinimum);
    }
}
