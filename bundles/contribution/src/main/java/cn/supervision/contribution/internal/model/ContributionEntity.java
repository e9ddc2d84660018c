package cn.supervision.contribution.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.supervision.api.contribution.ContributionState;

/** One processed (symbolic name, version, content hash) of a contribution bundle. Never deleted. */
@Entity
@Table(name = "SV_CONTRIBUTION",
        uniqueConstraints = @UniqueConstraint(name = "UQ_CONTRIBUTION", columnNames = {"SYMBOLICNAME", "VERSION", "CONTENTHASH"}))
public class ContributionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 200)
    private String symbolicName;
    @Column(nullable = false, length = 64)
    private String version;
    @Column(length = 16)
    private String jurisdictionCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ContributionState state;
    @Column(nullable = false, length = 64)
    private String contentHash;
    @Column(length = 64)
    private String jarSha256;
    @Column(length = 16)
    private String channel;
    @Column(length = 64)
    private String installedBy;
    private long installedAt;
    private long updatedAt;
    private int units;
    private int indicatorSystems;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String reasons;
    /** The city's policy, kept with the city's contribution so that it survives restarts with the content. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String policyJson;

    public long getId() { return id; }
    public String getSymbolicName() { return symbolicName; }
    public void setSymbolicName(String v) { this.symbolicName = v; }
    public String getVersion() { return version; }
    public void setVersion(String v) { this.version = v; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { this.jurisdictionCode = v; }
    public ContributionState getState() { return state; }
    public void setState(ContributionState v) { this.state = v; }
    public String getContentHash() { return contentHash; }
    public void setContentHash(String v) { this.contentHash = v; }
    public String getJarSha256() { return jarSha256; }
    public void setJarSha256(String v) { this.jarSha256 = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { this.channel = v; }
    public String getInstalledBy() { return installedBy; }
    public void setInstalledBy(String v) { this.installedBy = v; }
    public long getInstalledAt() { return installedAt; }
    public void setInstalledAt(long v) { this.installedAt = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { this.updatedAt = v; }
    public int getUnits() { return units; }
    public void setUnits(int v) { this.units = v; }
    public int getIndicatorSystems() { return indicatorSystems; }
    public void setIndicatorSystems(int v) { this.indicatorSystems = v; }
    public String getReasons() { return reasons; }
    public void setReasons(String v) { this.reasons = v; }
    public String getPolicyJson() { return policyJson; }
    public void setPolicyJson(String v) { this.policyJson = v; }
}
