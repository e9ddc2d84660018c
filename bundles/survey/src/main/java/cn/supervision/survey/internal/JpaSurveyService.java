package cn.supervision.survey.internal;

import java.time.Clock;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.registry.RegistryService;
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
 * Questionnaires on OpenJPA. Campaign, registry and indicator services decide authority and what may be fed; each job
 * is a collaborator: {@link Lifecycle} (with {@link DefinitionValidator}), {@link PeerReview}, {@link Tokens} and
 * {@link PublicAnswering} (with {@link OpenQuestionnaires} and {@link LinkRateLimiter}), {@link RespondentAccess},
 * {@link Statistics} and {@link CampaignApplier}; {@link Questionnaires} reads rows and judges authority for all of them.
 */
public class JpaSurveyService implements SurveyService {
    private final ResponseWriter writer;
    private final Questionnaires questionnaires;
    private final Lifecycle lifecycle;
    private final PeerReview peers;
    private final Tokens tokens;
    private final PublicAnswering answering;
    private final RespondentAccess respondents;
    private final Statistics statistics;
    private final CampaignApplier applier;

    public JpaSurveyService(JpaTemplate jpa, CampaignService campaigns, RegistryService registry, IndicatorSystemService systems,
                            int linkSubmissionsPerHour) {
        this(jpa, campaigns, registry, systems, linkSubmissionsPerHour, Clock.systemUTC());
    }

    JpaSurveyService(JpaTemplate jpa, CampaignService campaigns, RegistryService registry, IndicatorSystemService systems,
                     int linkSubmissionsPerHour, Clock clock) {
        this(jpa, campaigns, registry, systems, linkSubmissionsPerHour, clock,
                new OpenQuestionnaires(OpenQuestionnaires.DEFAULT_SIZE, OpenQuestionnaires.DEFAULT_TTL, clock));
    }

    JpaSurveyService(JpaTemplate jpa, CampaignService campaigns, RegistryService registry, IndicatorSystemService systems,
                     int linkSubmissionsPerHour, Clock clock, OpenQuestionnaires open) {
        this.writer = new ResponseWriter(jpa, open::closed);
        Resubmissions resubmissions = new Resubmissions(jpa, writer);
        this.questionnaires = new Questionnaires(jpa, campaigns, registry);
        this.tokens = new Tokens(jpa, questionnaires, clock);
        this.lifecycle = new Lifecycle(jpa, campaigns, questionnaires, new DefinitionValidator(systems), open, tokens, clock);
        this.peers = new PeerReview(jpa, registry, questionnaires, resubmissions, clock);
        this.answering = new PublicAnswering(jpa, registry, questionnaires, open, tokens,
                new LinkRateLimiter(jpa, linkSubmissionsPerHour, clock), resubmissions, clock);
        this.statistics = new Statistics(jpa, registry, questionnaires, clock);
        this.respondents = new RespondentAccess(jpa, questionnaires, statistics, clock);
        this.applier = new CampaignApplier(jpa, campaigns, questionnaires, statistics);
    }

    /** Stops the writer (blueprint destroy-method). */
    public void close() {
        writer.close();
    }

    @Override
    public List<Questionnaire> list(Caller caller, long campaignId) {
        return lifecycle.list(caller, campaignId);
    }

    @Override
    public Questionnaire get(Caller caller, long id) {
        return questionnaires.readable(caller, id);
    }

    @Override
    public Questionnaire create(Caller caller, long campaignId, QuestionnaireDraft draft) {
        return lifecycle.create(caller, campaignId, draft);
    }

    @Override
    public Questionnaire update(Caller caller, long id, QuestionnaireDraft draft) {
        return lifecycle.update(caller, id, draft);
    }

    @Override
    public Questionnaire open(Caller caller, long id) {
        return lifecycle.open(caller, id);
    }

    @Override
    public Questionnaire close(Caller caller, long id) {
        return lifecycle.close(caller, id);
    }

    @Override
    public List<PeerPair> peerMatrix(Caller caller, long id) {
        return peers.matrix(caller, id);
    }

    @Override
    public List<PeerPair> setPeerMatrix(Caller caller, long id, List<PeerPair> pairs) {
        return peers.setMatrix(caller, id, pairs);
    }

    @Override
    public List<PeerTask> peerTasks(Caller caller, long id) {
        return peers.tasks(caller, id);
    }

    @Override
    public List<Questionnaire> peerReviews(Caller caller) {
        return peers.reviews(caller);
    }

    @Override
    public Receipt submitPeer(Caller caller, long id, long ratedUnitId, List<Answer> answers) {
        return peers.submit(caller, id, ratedUnitId, answers);
    }

    @Override
    public List<Token> issueTokens(Caller caller, long id, TokenRequest request) {
        return tokens.issue(caller, id, request);
    }

    @Override
    public List<Token> tokens(Caller caller, long id) {
        return tokens.list(caller, id);
    }

    @Override
    public PublicForm formForToken(String value) {
        return answering.formForToken(value);
    }

    @Override
    public PublicForm formForLink(String linkKey) {
        return answering.formForLink(linkKey);
    }

    @Override
    public Receipt submitWithToken(String value, Submission submission) {
        return answering.submitWithToken(value, submission);
    }

    @Override
    public Receipt submitWithLink(String linkKey, Submission submission, String client, String device) {
        return answering.submitWithLink(linkKey, submission, client, device);
    }

    @Override
    public List<Response> responses(Caller caller, long id, Long unitId) {
        return respondents.responses(caller, id, unitId);
    }

    @Override
    public Respondent reveal(Caller caller, long id, long responseId, String reason) {
        return respondents.reveal(caller, id, responseId, reason);
    }

    @Override
    public Respondent revealToken(Caller caller, long id, long tokenId, String reason) {
        return respondents.revealToken(caller, id, tokenId, reason);
    }

    @Override
    public List<AccessRecord> accessLog(Caller caller, long id) {
        return respondents.accessLog(caller, id);
    }

    @Override
    public Progress progress(Caller caller, long id) {
        return statistics.progress(caller, id);
    }

    @Override
    public List<Outlier> outliers(Caller caller, long id) {
        return statistics.outliers(caller, id);
    }

    @Override
    public Outlier decideOutlier(Caller caller, long id, long responseId, boolean accept, String note) {
        return statistics.decide(caller, id, responseId, accept, note);
    }

    @Override
    public Application apply(Caller caller, long id, boolean belowMinimum) {
        return applier.apply(caller, id, belowMinimum);
    }
}
