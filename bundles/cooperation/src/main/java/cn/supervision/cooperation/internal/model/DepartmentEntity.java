package cn.supervision.cooperation.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import cn.supervision.api.cooperation.DepartmentKind;

/** A cooperating department; the code is unique within its jurisdiction. Contacts are kept as JSON. Never deleted. */
@Entity
@Table(name = "SV_COOP_DEPARTMENT",
        uniqueConstraints = @UniqueConstraint(name = "UQ_COOP_DEPARTMENT", columnNames = {"JURISDICTIONCODE", "CODE"}))
public class DepartmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Version
    private int version;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Column(nullable = false, length = 32)
    private String code;
    @Column(nullable = false, length = 100)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private DepartmentKind kind;
    @Column(nullable = false, length = 4000)
    private String contactsJson;
    private boolean active;
    @Column(length = 500)
    private String deactivationReason;
    @Column(nullable = false, length = 64)
    private String createdBy;
    private long createdAt;
    @Column(length = 64)
    private String updatedBy;
    private long updatedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { jurisdictionCode = v; }
    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public DepartmentKind getKind() { return kind; }
    public void setKind(DepartmentKind v) { kind = v; }
    public String getContactsJson() { return contactsJson; }
    public void setContactsJson(String v) { contactsJson = v; }
    public boolean isActive() { return active; }
    public void setActive(boolean v) { active = v; }
    public String getDeactivationReason() { return deactivationReason; }
    public void setDeactivationReason(String v) { deactivationReason = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { createdAt = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { updatedBy = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { updatedAt = v; }
}
