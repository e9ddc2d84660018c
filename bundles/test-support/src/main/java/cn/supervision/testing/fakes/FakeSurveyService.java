package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.security.Caller;
import cn.supervision.api.survey.AccessRecord;
import cn.supervision.api.survey.Answer;
import cn.supervision.api.survey.Application;
import cn.supervision.api.survey.Outlier;
import cn.supervision.api.survey.PeerPair;
import cn.supervision.api.survey.PeerTask;
import cn.supervision.api.survey.Progress;
import cn.supervision.api.survey.PublicForm;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.QuestionnaireDraft;
import cn.supervision.api.survey.Receipt;
import cn.supervision.api.survey.Respondent;
import cn.supervision.api.survey.Response;
import cn.supervision.api.survey.Submission;
import cn.supervision.api.survey.SurveyService;
import cn.supervision.api.survey.Token;
import cn.supervision.api.survey.TokenRequest;

/**
 * A {@link SurveyService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeSurveyService implements SurveyService {
    @Override
    public List<Questionnaire> list(Caller caller, long campaignId) {
        throw unused("list");
    }

    @Override
    public Questionnaire get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public Questionnaire create(Caller caller, long campaignId, QuestionnaireDraft draft) {
        throw unused("create");
    }

    @Override
    public Questionnaire update(Caller caller, long id, QuestionnaireDraft draft) {
        throw unused("update");
    }

    @Override
    public Questionnaire open(Caller caller, long id) {
        throw unused("open");
    }

    @Override
    public Questionnaire close(Caller caller, long id) {
        throw unused("close");
    }

    @Override
    public List<PeerPair> peerMatrix(Caller caller, long id) {
        throw unused("peerMatrix");
    }

    @Override
    public List<PeerPair> setPeerMatrix(Caller caller, long id, List<PeerPair> pairs) {
        throw unused("setPeerMatrix");
    }

    @Override
    public List<PeerTask> peerTasks(Caller caller, long id) {
        throw unused("peerTasks");
    }

    @Override
    public List<Questionnaire> peerReviews(Caller caller) {
        throw unused("peerReviews");
    }

    @Override
    public Receipt submitPeer(Caller caller, long id, long ratedUnitId, List<Answer> answers) {
        throw unused("submitPeer");
    }

    @Override
    public List<Token> issueTokens(Caller caller, long id, TokenRequest request) {
        throw unused("issueTokens");
    }

    @Override
    public List<Token> tokens(Caller caller, long id) {
        throw unused("tokens");
    }

    @Override
    public PublicForm formForToken(String token) {
        throw unused("formForToken");
    }

    @Override
    public Receipt submitWithToken(String token, Submission submission) {
        throw unused("submitWithToken");
    }

    @Override
    public PublicForm formForLink(String linkKey) {
        throw unused("formForLink");
    }

    @Override
    public Receipt submitWithLink(String linkKey, Submission submission, String client, String device) {
        throw unused("submitWithLink");
    }

    @Override
    public List<Response> responses(Caller caller, long id, Long unitId) {
        throw unused("responses");
    }

    @Override
    public Respondent reveal(Caller caller, long id, long responseId, String reason) {
        throw unused("reveal");
    }

    @Override
    public Respondent revealToken(Caller caller, long id, long tokenId, String reason) {
        throw unused("revealToken");
    }

    @Override
    public List<AccessRecord> accessLog(Caller caller, long id) {
        throw unused("accessLog");
    }

    @Override
    public Progress progress(Caller caller, long id) {
        throw unused("progress");
    }

    @Override
    public List<Outlier> outliers(Caller caller, long id) {
        throw unused("outliers");
    }

    @Override
    public Outlier decideOutlier(Caller caller, long id, long responseId, boolean accept, String note) {
        throw unused("decideOutlier");
    }

    @Override
    public Application apply(Caller caller, long id, boolean belowMinimum) {
        throw unused("apply");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("SurveyService." + method + " is not used by this test");
    }
}
