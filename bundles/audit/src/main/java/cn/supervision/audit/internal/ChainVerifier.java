package cn.supervision.audit.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.audit.ChainVerification;
import cn.supervision.audit.internal.model.AuditEntryEntity;

/**
 * Walks the chain from the first entry in pages: every sequence must follow its predecessor without a gap, every entry
 * must link to its predecessor's hash, and every hash must be the one its content gives. The first entry that fails
 * is named; the walk stops there (every later link depends on it).
 */
final class ChainVerifier {
    static final int PAGE = 1_000;

    private final JpaTemplate jpa;

    ChainVerifier(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    ChainVerification verify() {
        long expected = 1;
        long checked = 0;
        String previous = AuditChain.GENESIS;
        while (true) {
            long after = expected - 1;
            List<AuditEntryEntity> page = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "select e from AuditEntryEntity e where e.sequence > :after order by e.sequence", AuditEntryEntity.class)
                    .setParameter("after", after).setMaxResults(PAGE).getResultList());
            if (page.isEmpty()) {
                return new ChainVerification(checked, expected - 1, null, null);
            }
            for (AuditEntryEntity e : page) {
                if (e.getSequence() != expected) {
                    return new ChainVerification(checked, e.getSequence(), expected,
                            "缺少第 " + expected + " 条（其后为第 " + e.getSequence() + " 条）：条目被删除");
                }
                if (!previous.equals(e.getPreviousHash())) {
                    return new ChainVerification(checked, e.getSequence(), e.getSequence(),
                            "第 " + e.getSequence() + " 条记录的前序哈希与第 " + (expected - 1) + " 条的哈希不符");
                }
                String hash = AuditChain.hash(e.getSequence(), e.getJurisdiction(), Entries.event(e), e.getPreviousHash());
                if (!hash.equals(e.getHash())) {
                    return new ChainVerification(checked, e.getSequence(), e.getSequence(),
                            "第 " + e.getSequence() + " 条记录的内容与其哈希不符：条目被修改");
                }
                checked++;
                previous = e.getHash();
                expected++;
            }
        }
    }
}
