package cn.supervision.contribution.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Which node processes (or last processed) one bundle revision ({@code name@version#contentHash}): held while
 * {@code leaseUntil} is in the future, released (0) once the outcome is recorded. One row per revision, reused.
 */
@Entity
@Table(name = "SV_CONTRIBUTION_CLAIM")
public class ContributionClaimEntity {
    @Id
    @Column(length = 340)
    private String claimKey;
    @Column(nullable = false, length = 200)
    private String node;
    private long leaseUntil;

    public String getClaimKey() { return claimKey; }
    public void setClaimKey(String v) { this.claimKey = v; }
    public String getNode() { return node; }
    public void setNode(String v) { this.node = v; }
    public long getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(long v) { this.leaseUntil = v; }
}
