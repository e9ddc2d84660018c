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
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import cn.supervision.api.contribution.ContributionEventType;

/** One event of a contribution bundle's history. Only ever inserted: never updated, never deleted. */
@Entity
@Table(name = "SV_CONTRIBUTION_EVENT", indexes = @Index(name = "IX_CONTRIBUTION_EVENT_BSN", columnList = "SYMBOLICNAME"))
public class ContributionEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "AT0")
    private long at;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ContributionEventType type;
    @Column(length = 200)
    private String symbolicName;
    @Column(length = 64)
    private String version;
    private Long contributionId;
    @Column(length = 16)
    private String channel;
    @Column(length = 64)
    private String actor;
    /** The actor's own jurisdiction (who may read a refusal of a jar that declared another one, or none). */
    @Column(length = 16)
    private String actorJurisdictionCode;
    /** As the manifest declares it. */
    @Column(length = 16)
    private String jurisdictionCode;
    @Column(length = 64)
    private String jarSha256;
    @Column(length = 64)
    private String contentHash;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String reasons;

    public long getId() { return id; }
    public long getAt() { return at; }
    public void setAt(long v) { this.at = v; }
    public ContributionEventType getType() { return type; }
    public void setType(ContributionEventType v) { this.type = v; }
    public String getSymbolicName() { return symbolicName; }
    public void setSymbolicName(String v) { this.symbolicName = v; }
    public String getVersion() { return version; }
    public void setVersion(String v) { this.version = v; }
    public Long getContributionId() { return contributionId; }
    public void setContributionId(Long v) { this.contributionId = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { this.channel = v; }
    public String getActor() { return actor; }
    public void setActor(String v) { this.actor = v; }
    public String getActorJurisdictionCode() { return actorJurisdictionCode; }
    public void setActorJurisdictionCode(String v) { this.actorJurisdictionCode = v; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { this.jurisdictionCode = v; }
    public String getJarSha256() { return jarSha256; }
    public void setJarSha256(String v) { this.jarSha256 = v; }
    public String getContentHash() { return contentHash; }
    public void setContentHash(String v) { this.contentHash = v; }
    public String getReasons() { return reasons; }
    public void setReasons(String v) { this.reasons = v; }
}
