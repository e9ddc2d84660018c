package cn.supervision.cooperation.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.cooperation.CooperationService;
import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDirectory;
import cn.supervision.api.cooperation.DepartmentDraft;
import cn.supervision.api.cooperation.FileContent;
import cn.supervision.api.cooperation.Referral;
import cn.supervision.api.cooperation.ReferralDraft;
import cn.supervision.api.cooperation.ReferralEvidence;
import cn.supervision.api.cooperation.ReferralFeedback;
import cn.supervision.api.cooperation.ReferralState;
import cn.supervision.api.cooperation.Share;
import cn.supervision.api.cooperation.ShareDraft;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.UserDirectory;

/**
 * Departments, shares and referrals on OpenJPA. Authority is the registry's {@code Access}: a record addressed to a
 * department is {@code Target.department(jurisdiction, code)}, so an office and leaders in scope read it and the
 * department only its own. Everything is checked before anything is written; messages never undo what was recorded.
 * Each call is handed to the collaborator whose job it is: {@link Departments}, {@link Shares} (after
 * {@link ShareComposer}), and for referrals {@link ReferralIssuer}, {@link ReferralReader}, {@link ReferralAnswers} and
 * {@link ReferralFiles}.
 */
public class JpaCooperationService implements CooperationService, DepartmentDirectory {
    private final Departments departments;
    private final Shares shares;
    private final ReferralIssuer issuer;
    private final ReferralReader reader;
    private final ReferralAnswers answers;
    private final ReferralFiles files;

    public JpaCooperationService(JpaTemplate jpa, RegistryService registry, FindingService findings, CampaignService campaigns,
                                 DocumentService documents, NotificationService notifications, UserDirectory users) {
        this(jpa, registry, findings, campaigns, documents, notifications, users, Clock.systemUTC());
    }

    /** Tests control time: due dates and overdue referrals are judged against this clock. */
    JpaCooperationService(JpaTemplate jpa, RegistryService registry, FindingService findings, CampaignService campaigns,
                          DocumentService documents, NotificationService notifications, UserDirectory users, Clock clock) {
        StoredJson json = new StoredJson();
        FeedbackDeadlines deadlines = new FeedbackDeadlines(clock);
        Values values = new Values(json, deadlines);
        Messenger messenger = new Messenger(notifications, users);
        Addressees addressees = new Addressees(jpa);
        OptionalDocuments optionalDocuments = new OptionalDocuments(documents);
        this.departments = new Departments(jpa, registry, json, values, clock);
        this.shares = new Shares(jpa, registry, new ShareComposer(registry, campaigns, optionalDocuments, addressees),
                optionalDocuments, messenger, json, values, clock);
        this.reader = new ReferralReader(jpa, registry, values);
        this.issuer = new ReferralIssuer(jpa, registry, findings, addressees, deadlines, messenger, clock);
        this.answers = new ReferralAnswers(jpa, registry, reader, messenger, clock);
        this.files = new ReferralFiles(jpa, registry, reader, clock);
    }

    // ================================================================== directory (no caller)

    @Override
    public Optional<Department> find(String jurisdictionCode, String code) {
        return departments.find(jurisdictionCode, code);
    }

    @Override
    public List<Department> active(String jurisdictionCode) {
        return departments.active(jurisdictionCode);
    }

    // ================================================================== departments

    @Override
    public List<Department> departments(Caller caller, String jurisdictionCode, boolean includeInactive) {
        return departments.list(caller, jurisdictionCode, includeInactive);
    }

    @Override
    public Department department(Caller caller, long id) {
        return departments.get(caller, id);
    }

    @Override
    public Department register(Caller caller, String jurisdictionCode, DepartmentDraft draft) {
        return departments.register(caller, jurisdictionCode, draft);
    }

    @Override
    public Department update(Caller caller, long id, DepartmentDraft draft) {
        return departments.update(caller, id, draft);
    }

    @Override
    public Department deactivate(Caller caller, long id, String reason) {
        return departments.deactivate(caller, id, reason);
    }

    // ================================================================== shares

    @Override
    public Share share(Caller caller, ShareDraft draft) {
        return shares.send(caller, draft);
    }

    @Override
    public List<Share> shares(Caller caller, String jurisdictionCode) {
        return shares.list(caller, jurisdictionCode);
    }

    @Override
    public Share getShare(Caller caller, long id) {
        return shares.get(caller, id);
    }

    @Override
    public Share markRead(Caller caller, long id) {
        return shares.markRead(caller, id);
    }

    @Override
    public FileContent sharedDocument(Caller caller, long shareId, long documentId) {
        return shares.document(caller, shareId, documentId);
    }

    // ================================================================== referrals

    /** The referral as the office now reads it, with its first step. */
    @Override
    public Referral refer(Caller caller, ReferralDraft draft) {
        return referral(caller, issuer.refer(caller, draft));
    }

    @Override
    public void checkUpload(Caller caller, long referralId) {
        files.checkUpload(caller, referralId);
    }

    @Override
    public ReferralEvidence attach(Caller caller, long referralId, String fileName, byte[] content) {
        return files.attach(caller, referralId, fileName, content);
    }

    @Override
    public List<Referral> referrals(Caller caller, String jurisdictionCode, ReferralState state) {
        return reader.list(caller, jurisdictionCode, state);
    }

    @Override
    public Referral referral(Caller caller, long id) {
        return reader.get(caller, id);
    }

    @Override
    public Referral acknowledge(Caller caller, long id, String note) {
        answers.acknowledge(caller, id, note);
        return referral(caller, id);
    }

    @Override
    public Referral feedback(Caller caller, long id, ReferralFeedback feedback) {
        answers.feedback(caller, id, feedback);
        return referral(caller, id);
    }

    @Override
    public FileContent evidence(Caller caller, long referralId, long evidenceId) {
        return files.read(caller, referralId, evidenceId);
    }

    @Override
    public List<Referral> overdue(Caller caller, String jurisdictionCode) {
        return reader.overdue(caller, jurisdictionCode);
    }
}
