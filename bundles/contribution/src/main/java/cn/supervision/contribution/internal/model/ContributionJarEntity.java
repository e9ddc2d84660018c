package cn.supervision.contribution.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * The jar last uploaded through the API for a symbolic name, and whether every node is to have it installed
 * ({@code INSTALLED}) or not ({@code UNINSTALLED}, bytes cleared). Nodes follow it; the ledger stays the record.
 */
@Entity
@Table(name = "SV_CONTRIBUTION_JAR")
public class ContributionJarEntity {
    public static final String INSTALLED = "INSTALLED";
    public static final String UNINSTALLED = "UNINSTALLED";

    @Id
    @Column(length = 200)
    private String symbolicName;
    @Column(nullable = false, length = 64)
    private String version;
    @Column(nullable = false, length = 64)
    private String jarSha256;
    @Column(nullable = false, length = 16)
    private String desired;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] bytes;
    private long changedAt;
    @Column(length = 200)
    private String changedBy;

    public String getSymbolicName() { return symbolicName; }
    public void setSymbolicName(String v) { this.symbolicName = v; }
    public String getVersion() { return version; }
    public void setVersion(String v) { this.version = v; }
    public String getJarSha256() { return jarSha256; }
    public void setJarSha256(String v) { this.jarSha256 = v; }
    public String getDesired() { return desired; }
    public void setDesired(String v) { this.desired = v; }
    public byte[] getBytes() { return bytes; }
    public void setBytes(byte[] v) { this.bytes = v; }
    public long getChangedAt() { return changedAt; }
    public void setChangedAt(long v) { this.changedAt = v; }
    public String getChangedBy() { return changedBy; }
    public void setChangedBy(String v) { this.changedBy = v; }
}
