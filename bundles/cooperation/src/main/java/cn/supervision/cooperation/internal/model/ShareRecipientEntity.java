package cn.supervision.cooperation.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One addressee of a share and its read receipt (the first reading is kept). */
@Entity
@Table(name = "SV_COOP_SHARE_RECIPIENT",
        uniqueConstraints = @UniqueConstraint(name = "UQ_COOP_SHARE_RECIPIENT", columnNames = {"SHAREID", "DEPARTMENTID"}),
        indexes = @Index(name = "IX_COOP_RECIPIENT_DEPARTMENT", columnList = "JURISDICTIONCODE,DEPARTMENTCODE"))
public class ShareRecipientEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long shareId;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    private long departmentId;
    @Column(nullable = false, length = 32)
    private String departmentCode;
    @Column(nullable = false, length = 100)
    private String departmentName;
    private Long readAt;
    @Column(length = 64)
    private String readBy;

    public ShareRecipientEntity() {
    }

    public ShareRecipientEntity(long shareId, String jurisdictionCode, long departmentId, String departmentCode, String departmentName) {
        this.shareId = shareId;
        this.jurisdictionCode = jurisdictionCode;
        this.departmentId = departmentId;
        this.departmentCode = departmentCode;
        this.departmentName = departmentName;
    }

    public long getId() { return id; }
    public long getShareId() { return shareId; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public long getDepartmentId() { return departmentId; }
    public String getDepartmentCode() { return departmentCode; }
    public String getDepartmentName() { return departmentName; }
    public Long getReadAt() { return readAt; }
    public void setReadAt(Long v) { readAt = v; }
    public String getReadBy() { return readBy; }
    public void setReadBy(String v) { readBy = v; }
}
