package cn.supervision.assessment.internal;

import java.sql.Connection;

import javax.persistence.EntityManager;

import cn.supervision.api.tx.TransactionLock;

/**
 * The assessment of a jurisdiction and year changes one transaction at a time, on every node (item reconciliation,
 * decisions, revision numbering): each such transaction first holds the database lock
 * {@code assessment:<jurisdiction>:<year>} ({@link TransactionLock}), so two nodes never store the same derived item
 * twice nor number two revisions alike.
 */
final class AssessmentLock {
    private AssessmentLock() {
    }

    /** The first statement of a transaction that changes the jurisdiction's assessment of the year. */
    static void hold(EntityManager em, String jurisdictionCode, int year) {
        TransactionLock.hold(() -> em.unwrap(Connection.class), "assessment:" + jurisdictionCode + ":" + year);
    }
}
