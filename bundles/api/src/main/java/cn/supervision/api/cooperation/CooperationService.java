package cn.supervision.api.cooperation;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Cooperation with the departments of art. 5 of the measures (arts. 23, 26): the office keeps its cooperating
 * departments, shares selected results and documents with them (情况通报) and refers leads (线索移送) that the addressed
 * department acknowledges and answers. Authority ({@code cn.supervision.api.security.Access}): READ_COOPERATION
 * (offices and leaders in scope; a department only the records addressed to it), MANAGE_COOPERATION (the office's
 * own jurisdiction), ANSWER_REFERRAL (the addressed department). Nothing here is ever deleted.
 */
@ProviderType
public interface CooperationService {

    // ---------------------------------------------------------------- departments

    /** Departments of a jurisdiction (null: the caller's own), by code; a department user sees its own record only. */
    List<Department> departments(Caller caller, String jurisdictionCode, boolean includeInactive);

    Department department(Caller caller, long id);

    /** Conflict when the code is already taken in the jurisdiction (active or not). */
    Department register(Caller caller, String jurisdictionCode, DepartmentDraft draft);

    /** Name, kind and contacts; the code cannot change (invalid). */
    Department update(Caller caller, long id, DepartmentDraft draft);

    /** The department receives nothing new; what it received stays readable to it. */
    Department deactivate(Caller caller, long id, String reason);

    // ---------------------------------------------------------------- shares (情况通报)

    /** Checks everything before writing; the addressed departments' users are notified. */
    Share share(Caller caller, ShareDraft draft);

    /** Newest first, without result rows; a department sees only shares addressed to it. */
    List<Share> shares(Caller caller, String jurisdictionCode);

    /** One share with its result rows. */
    Share getShare(Caller caller, long id);

    /** The caller's department records that it has read the share (idempotent: the first reading is kept). */
    Share markRead(Caller caller, long id);

    /** The content of a document of the share, for whoever may read the share. */
    FileContent sharedDocument(Caller caller, long shareId, long documentId);

    // ---------------------------------------------------------------- referrals (线索移送)

    /** Checks everything before writing; the department's users are notified. */
    Referral refer(Caller caller, ReferralDraft draft);

    /**
     * Refuses (forbidden, not found or conflict) a caller who may not attach a file to the referral now: the office
     * until the department acknowledges receipt, the addressed department once it has (for its result file) until its
     * feedback is final. Adapters call it before reading an upload's body.
     */
    void checkUpload(Caller caller, long referralId);

    /** Stores a file (EvidenceFile rules: type allow-list, 10 MB, SHA-256). */
    ReferralEvidence attach(Caller caller, long referralId, String fileName, byte[] content);

    /** Newest first; filters may be null. A department sees only the referrals addressed to it. */
    List<Referral> referrals(Caller caller, String jurisdictionCode, ReferralState state);

    Referral referral(Caller caller, long id);

    /** The addressed department acknowledges receipt (签收). */
    Referral acknowledge(Caller caller, long id, String note);

    /** The addressed department's feedback (see {@link ReferralState#feedbackFrom}); the office is notified. */
    Referral feedback(Caller caller, long id, ReferralFeedback feedback);

    FileContent evidence(Caller caller, long referralId, long evidenceId);

    /**
     * Referrals still awaiting the first feedback after their due date (null jurisdiction: every one the caller sees).
     */
    List<Referral> overdue(Caller caller, String jurisdictionCode);
}
