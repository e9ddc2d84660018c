package cn.supervision.meeting.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * One membership period of a cooperating department in a jurisdiction's joint meeting; never deleted. Dates are
 * {@code yyyy-MM-dd}; {@code leftOn} is null while a member. Contacts are stored whole as JSON.
 */
@Entity
@Table(name = "SV_MEETING_MEMBER", indexes = @Index(name = "IX_MEETING_MEMBER", columnList = "JURISDICTIONCODE,DEPARTMENTCODE"))
public class MemberEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Column(nullable = false, length = 32)
    private String departmentCode;
    @Column(nullable = false, length = 200)
    private String departmentName;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String contactsJson;
    @Column(nullable = false, length = 10)
    private String joinedOn;
    @Column(length = 10)
    private String leftOn;
    @Column(length = 500)
    private String leaveReason;
    @Column(nullable = false, length = 64)
    private String createdBy;
    private long createdAt;
    @Column(nullable = false, length = 64)
    private String updatedBy;
    private long updatedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { this.jurisdictionCode = v; }
    public String getDepartmentCode() { return departmentCode; }
    public void setDepartmentCode(String v) { this.departmentCode = v; }
    public String getDepartmentName() { return departmentName; }
    public void setDepartmentName(String v) { this.departmentName = v; }
    public String getContactsJson() { return contactsJson; }
    public void setContactsJson(String v) { this.contactsJson = v; }
    public String getJoinedOn() { return joinedOn; }
    public void setJoinedOn(String v) { this.joinedOn = v; }
    public String getLeftOn() { return leftOn; }
    public void setLeftOn(String v) { this.leftOn = v; }
    public String getLeaveReason() { return leaveReason; }
    public void setLeaveReason(String v) { this.leaveReason = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { this.createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { this.createdAt = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { this.updatedBy = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { this.updatedAt = v; }
}
