package cn.supervision.audit.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One audit entry, written once by the writer (plain JDBC insert) and never changed: the class has no setters and
 * the platform no update or delete statement on its table. The sequence is the primary key and is assigned by the
 * single writer, so the chain has no gaps and a second writer cannot interleave silently.
 */
@Entity
@Table(name = "SV_AUDIT_ENTRY", indexes = {
        @Index(name = "IX_AUDIT_JUR", columnList = "JURISDICTION,SEQ"),
        @Index(name = "IX_AUDIT_USER", columnList = "USERNAME"),
        @Index(name = "IX_AUDIT_AT", columnList = "RECORDEDAT")})
public class AuditEntryEntity {
    @Id
    @Column(name = "SEQ")
    private long sequence;
    @Column(name = "RECORDEDAT", nullable = false)
    private long recordedAt;
    @Column(name = "USERNAME", length = 128)
    private String username;
    @Column(name = "ROLES", length = 128)
    private String roles;
    @Column(name = "JURISDICTION", nullable = false, length = 32)
    private String jurisdiction;
    @Column(name = "SOURCEADDRESS", length = 64)
    private String source;
    @Column(name = "CHANNEL", nullable = false, length = 8)
    private String channel;
    @Column(name = "EVENTACTION", nullable = false, length = 20)
    private String action;
    @Column(name = "OPMETHOD", length = 64)
    private String method;
    @Column(name = "RESOURCEPATH", length = 255)
    private String resource;
    @Column(name = "RECORDIDS", length = 255)
    private String recordIds;
    @Column(name = "STATUS", nullable = false)
    private int status;
    @Column(name = "PREVHASH", nullable = false, length = 64)
    private String previousHash;
    @Column(name = "HASH", nullable = false, length = 64)
    private String hash;

    public AuditEntryEntity() {
    }

    public long getSequence() { return sequence; }
    public long getRecordedAt() { return recordedAt; }
    public String getUsername() { return username; }
    public String getRoles() { return roles; }
    public String getJurisdiction() { return jurisdiction; }
    public String getSource() { return source; }
    public String getChannel() { return channel; }
    public String getAction() { return action; }
    public String getMethod() { return method; }
    public String getResource() { return resource; }
    public String getRecordIds() { return recordIds; }
    public int getStatus() { return status; }
    public String getPreviousHash() { return previousHash; }
    public String getHash() { return hash; }
}
