package cn.supervision.api.survey;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Questionnaires of campaigns: peer review among units and public evaluation, their answers, and their conversion into
 * the campaign's PEER_REVIEW and PUBLIC_EVALUATION inputs. Office operations need an administrator of the campaign's
 * jurisdiction; the public methods (token, open link) need no login and reveal nothing but the form.
 */
@ProviderType
public interface SurveyService {

    List<Questionnaire> list(Caller caller, long campaignId);

    Questionnaire get(Caller caller, long id);

    Questionnaire create(Caller caller, long campaignId, QuestionnaireDraft draft);

    /** Replaces a DRAFT's definition (conflict once open). */
    Questionnaire update(Caller caller, long id, QuestionnaireDraft draft);

    /** DRAFT → OPEN: fixes the target units (and, for peer review, the matrix). Needs the campaign collecting. */
    Questionnaire open(Caller caller, long id);

    /** OPEN → CLOSED: no more answers. */
    Questionnaire close(Caller caller, long id);

    /** The peer-review relation matrix (default: every target unit rates every other). */
    List<PeerPair> peerMatrix(Caller caller, long id);

    /** Replaces the matrix of a DRAFT peer review; pairs must be target units, never a unit rating itself. */
    List<PeerPair> setPeerMatrix(Caller caller, long id, List<PeerPair> pairs);

    /** For a UNIT_USER: the units its unit is asked to rate in this questionnaire. */
    List<PeerTask> peerTasks(Caller caller, long id);

    /**
     * For a UNIT_USER: the peer reviews of its jurisdiction that are open or closed and in which its unit rates at
     * least one unit, newest first (drafts are never shown to units).
     */
    List<Questionnaire> peerReviews(Caller caller);
    /** A UNIT_USER rates one unit for its own unit (once per pair). */
    Receipt submitPeer(Caller caller, long id, long ratedUnitId, List<Answer> answers);

    List<Token> issueTokens(Caller caller, long id, TokenRequest request);

    List<Token> tokens(Caller caller, long id);

    /** The form behind a one-time token (not found when unknown, gone when used or closed). */
    PublicForm formForToken(String token);

    Receipt submitWithToken(String token, Submission submission);

    /** The form behind the shared link of a questionnaire (not found when there is none). */
    PublicForm formForLink(String linkKey);

    /**
     * Submits through the shared link. {@code client} (the address) and {@code device} (a random id the page keeps)
     * are used for abuse limits only: a device answers once per unit, an address a limited number of times per hour.
     */
    Receipt submitWithLink(String linkKey, Submission submission, String client, String device);

    /** Responses, for the office; personal data masked. {@code unitId} filters when not null. */
    List<Response> responses(Caller caller, long id, Long unitId);

    /** The unmasked personal data of a response, for authorised office users; the access is audited with the reason. */
    Respondent reveal(Caller caller, long id, long responseId, String reason);

    /** The unmasked recipient of a token (audited). */
    Respondent revealToken(Caller caller, long id, long tokenId, String reason);

    /** Every access to unmasked personal data of the questionnaire. */
    List<AccessRecord> accessLog(Caller caller, long id);

    Progress progress(Caller caller, long id);

    List<Outlier> outliers(Caller caller, long id);

    Outlier decideOutlier(Caller caller, long id, long responseId, boolean accept, String note);

    /**
     * Converts the valid answers into campaign inputs, one per target unit and binding, with the formula, counts and
     * questionnaire in the explanation. Units below the minimum sample are skipped unless {@code belowMinimum}; units
     * with pending outliers are skipped until the office decides.
     */
    Application apply(Caller caller, long id, boolean belowMinimum);
}
