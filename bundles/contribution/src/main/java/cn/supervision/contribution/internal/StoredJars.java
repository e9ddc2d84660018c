package cn.supervision.contribution.internal;

import java.time.Clock;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.contribution.internal.model.ContributionJarEntity;

/**
 * The jars uploaded through the API, kept in the database so that every node installs them: per symbolic name the
 * last uploaded jar and whether it is to be installed. Bounded by the upload limit (20 MB a jar, one jar a name).
 */
final class StoredJars {
    /** What every node is to have of one symbolic name; {@code changedAt} is the uploading node's clock. */
    record Desired(String symbolicName, String version, String sha256, boolean installed, long changedAt) { }

    private final JpaTemplate jpa;
    private final Clock clock;
    private final String node;

    StoredJars(JpaTemplate jpa, Clock clock, String node) {
        this.jpa = jpa;
        this.clock = clock;
        this.node = node;
    }

    /** Every node is to install this jar under the name (replacing the one uploaded before). */
    void installed(String bsn, String version, String sha256, byte[] jar) {
        jpa.tx(TransactionType.Required, em -> {
            ContributionJarEntity e = em.find(ContributionJarEntity.class, bsn);
            if (e == null) {
                e = new ContributionJarEntity();
                e.setSymbolicName(bsn);
                em.persist(e);
            }
            e.setVersion(version);
            e.setJarSha256(sha256);
            e.setBytes(jar);
            e.setDesired(ContributionJarEntity.INSTALLED);
            e.setChangedAt(clock.millis());
            e.setChangedBy(node);
        });
    }

    /** No node is to have the name's uploaded jar any more; the bytes are dropped. Answers whether there was one. */
    boolean uninstalled(String bsn) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("update ContributionJarEntity j set j.desired = :u,"
                        + " j.bytes = null, j.changedAt = :at, j.changedBy = :node where j.symbolicName = :s and j.desired = :i")
                .setParameter("u", ContributionJarEntity.UNINSTALLED).setParameter("at", clock.millis()).setParameter("node", node)
                .setParameter("s", bsn).setParameter("i", ContributionJarEntity.INSTALLED).executeUpdate()) > 0;
    }

    /** The desired state of every name, without the bytes: what a node compares its framework with. */
    List<Desired> all() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select j.symbolicName, j.version, j.jarSha256, j.desired,"
                + " j.changedAt from ContributionJarEntity j order by j.symbolicName", Object[].class).getResultList().stream()
                .map(r -> new Desired((String) r[0], (String) r[1], (String) r[2], ContributionJarEntity.INSTALLED.equals(r[3]),
                        ((Number) r[4]).longValue()))
                .toList());
    }

    /** The bytes of the name's jar if it is still the one with that SHA-256, else null (changed meanwhile). */
    byte[] bytes(String bsn, String sha256) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            ContributionJarEntity j = em.find(ContributionJarEntity.class, bsn);
            return j != null && sha256.equals(j.getJarSha256()) && ContributionJarEntity.INSTALLED.equals(j.getDesired())
                    ? j.getBytes() : null; // a lazy field, read inside the transaction
        });
    }
}
