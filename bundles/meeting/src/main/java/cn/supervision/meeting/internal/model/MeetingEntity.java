package cn.supervision.meeting.internal.model;

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

import cn.supervision.api.meeting.MeetingState;

/**
 * A joint meeting; never deleted. {@code startsAt} is an Asia/Shanghai local date-time ({@code yyyy-MM-ddTHH:mm}).
 * Agenda, invited departments (with presence) and attendees are stored whole as JSON.
 */
@Entity
@Table(name = "SV_MEETING", indexes = @Index(name = "IX_MEETING_JURISDICTION", columnList = "JURISDICTIONCODE,STATE"))
public class MeetingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 16)
    private String jurisdictionCode;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(nullable = false, length = 19)
    private String startsAt;
    @Column(nullable = false, length = 200)
    private String location;
    @Column(nullable = false, length = 64)
    private String host;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String agendaJson;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String departmentsJson;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false)
    private String attendeesJson;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String minutes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MeetingState state;
    @Column(length = 500)
    private String cancelReason;
    @Column(nullable = false, length = 64)
    private String createdBy;
    private long createdAt;
    @Column(nullable = false, length = 64)
    private String updatedBy;
    private long updatedAt;

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public void setJurisdictionCode(String v) { this.jurisdictionCode = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { this.title = v; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String v) { this.startsAt = v; }
    public String getLocation() { return location; }
    public void setLocation(String v) { this.location = v; }
    public String getHost() { return host; }
    public void setHost(String v) { this.host = v; }
    public String getAgendaJson() { return agendaJson; }
    public void setAgendaJson(String v) { this.agendaJson = v; }
    public String getDepartmentsJson() { return departmentsJson; }
    public void setDepartmentsJson(String v) { this.departmentsJson = v; }
    public String getAttendeesJson() { return attendeesJson; }
    public void setAttendeesJson(String v) { this.attendeesJson = v; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String v) { this.minutes = v; }
    public MeetingState getState() { return state; }
    public void setState(MeetingState v) { this.state = v; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String v) { this.cancelReason = v; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { this.createdBy = v; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long v) { this.createdAt = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { this.updatedBy = v; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long v) { this.updatedAt = v; }
}
