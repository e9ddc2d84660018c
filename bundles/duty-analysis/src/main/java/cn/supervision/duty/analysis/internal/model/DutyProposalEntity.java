package cn.supervision.duty.analysis.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.duty.ProposalState;

/**
 * A proposal of the duty analysis; never deleted. {@code pairKey} (O:first|second, G:source, from the texts' stable
 * keys) is unique, so a pair is proposed once whatever became of it, even by two analyses running at the same time.
 * Each side is kept as it read when proposed: the office decides on that wording. Shared terms and finding ids are
 * kept joined (read whole, never queried into). A confirmation in progress holds a claim (still PROPOSED) that lapses
 * after {@code ProposalDecisions.CLAIM_LAPSES_MILLIS}, so a crash mid-way never leaves it stuck.
 */
@Entity
@Table(name = "SV_DUTY_PROPOSAL", uniqueConstraints = @UniqueConstraint(name = "UQ_DUTY_PROPOSAL_KEY", columnNames = "PAIRKEY"),
        indexes = @Index(name = "IX_DUTY_PROPOSAL_JURISDICTION", columnList = "JURISDICTIONCODE,STATE"))
public class DutyProposalEntity {
    public static final int MAX_TEXT = 2000;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Version
    private int version;
    @Column(nullable = false, length = 120)
    private String pairKey;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProposalKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProposalState state;
    private double similarity;
    @Column(length = 500)
    private String sharedTerms;

    private long firstUnitId;
    @Column(length = 200)
    private String firstUnitName;
    private Long firstDutyId;
    private Integer firstDutyNumber;
    private Long firstItemId;
    @Column(length = 64)
    private String firstItemCode;
    @Column(length = MAX_TEXT)
    private String firstText;

    private Long secondUnitId;
    @Column(length = 200)
    private String secondUnitName;
    private Long secondDutyId;
    private Integer secondDutyNumber;
    private Long secondItemId;
    @Column(length = 64)
    private String secondItemCode;
    @Column(length = MAX_TEXT)
    private String secondText;

    private long proposedAt;
    @Column(nullable = false, length = 64)
    private String proposedBy;
    @Column(length = 64)
    private String decidedBy;
    private Long decidedAt;
    @Column(length = 500)
    private String reason;
    @Column(length = 500)
    private String findingIds;
    /** A confirmation under way: who holds it, since when, and its token; the state moves only when it is done. */
    @Column(length = 64)
    private String claimedBy;
    private Long claimedAt;
    @Column(length = 36)
    private String claimToken;

    public long getId() { return id; }
    public String getPairKey() { return pairKey; }
    public void setPairKey(String v) { pairKey = v; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public ProposalKind getKind() { return kind; }
    public void setKind(ProposalKind v) { kind = v; }
    public ProposalState getState() { return state; }
    public void setState(ProposalState v) { state = v; }
    public double getSimilarity() { return similarity; }
    public void setSimilarity(double v) { similarity = v; }
    public String getSharedTerms() { return sharedTerms; }
    public void setSharedTerms(String v) { sharedTerms = v; }
    public long getFirstUnitId() { return firstUnitId; }
    public void setFirstUnitId(long v) { firstUnitId = v; }
    public String getFirstUnitName() { return firstUnitName; }
    public void setFirstUnitName(String v) { firstUnitName = v; }
    public Long getFirstDutyId() { return firstDutyId; }
    public void setFirstDutyId(Long v) { firstDutyId = v; }
    public Integer getFirstDutyNumber() { return firstDutyNumber; }
    public void setFirstDutyNumber(Integer v) { firstDutyNumber = v; }
    public Long getFirstItemId() { return firstItemId; }
    public void setFirstItemId(Long v) { firstItemId = v; }
    public String getFirstItemCode() { return firstItemCode; }
    public void setFirstItemCode(String v) { firstItemCode = v; }
    public String getFirstText() { return firstText; }
    public void setFirstText(String v) { firstText = v; }
    public Long getSecondUnitId() { return secondUnitId; }
    public void setSecondUnitId(Long v) { secondUnitId = v; }
    public String getSecondUnitName() { return secondUnitName; }
    public void setSecondUnitName(String v) { secondUnitName = v; }
    public Long getSecondDutyId() { return secondDutyId; }
    public void setSecondDutyId(Long v) { secondDutyId = v; }
    public Integer getSecondDutyNumber() { return secondDutyNumber; }
    public void setSecondDutyNumber(Integer v) { secondDutyNumber = v; }
    public Long getSecondItemId() { return secondItemId; }
    public void setSecondItemId(Long v) { secondItemId = v; }
    public String getSecondItemCode() { return secondItemCode; }
    public void setSecondItemCode(String v) { secondItemCode = v; }
    public String getSecondText() { return secondText; }
    public void setSecondText(String v) { secondText = v; }
    public long getProposedAt() { return proposedAt; }
    public void setProposedAt(long v) { proposedAt = v; }
    public String getProposedBy() { return proposedBy; }
    public void setProposedBy(String v) { proposedBy = v; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String v) { decidedBy = v; }
    public Long getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Long v) { decidedAt = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getFindingIds() { return findingIds; }
    public void setFindingIds(String v) { findingIds = v; }
    public String getClaimedBy() { return claimedBy; }
    public Long getClaimedAt() { return claimedAt; }
    public String getClaimToken() { return claimToken; }
}
