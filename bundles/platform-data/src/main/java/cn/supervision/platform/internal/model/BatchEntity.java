package cn.supervision.platform.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * An applied batch. {@code archive} keeps its rows as received (gzip'd JSON), so values later superseded by another
 * batch stay readable: nothing ingested is lost.
 */
@Entity
@Table(name = "SV_PD_BATCH", uniqueConstraints = @UniqueConstraint(name = "UQ_PD_BATCH", columnNames = {"JURISDICTIONCODE", "CLIENTBATCHID"}))
public class BatchEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(nullable = false, length = 12)
    private String jurisdictionCode;
    @Column(nullable = false, length = 64)
    private String clientBatchId;
    @Column(nullable = false, length = 64)
    private String sourceSystem;
    @Column(nullable = false, length = 40)
    private String channel;
    private int rowCount;
    private int superseded;
    @Column(nullable = false, length = 64)
    private String sha256;
    private long receivedAt;
    @Column(length = 64)
    private String receivedBy;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] archive;

    public BatchEntity() {
    }

    public BatchEntity(String jurisdictionCode, String clientBatchId, String sourceSystem, String channel, int rowCount, String sha256,
                       String receivedBy, long receivedAt, byte[] archive) {
        this.jurisdictionCode = jurisdictionCode;
        this.clientBatchId = clientBatchId;
        this.sourceSystem = sourceSystem;
        this.channel = channel;
        this.rowCount = rowCount;
        this.sha256 = sha256;
        this.receivedBy = receivedBy;
        this.receivedAt = receivedAt;
        this.archive = archive;
    }

    public long getId() { return id; }
    public String getJurisdictionCode() { return jurisdictionCode; }
    public String getClientBatchId() { return clientBatchId; }
    public String getSourceSystem() { return sourceSystem; }
    public String getChannel() { return channel; }
    public int getRowCount() { return rowCount; }
    public int getSuperseded() { return superseded; }
    public void setSuperseded(int superseded) { this.superseded = superseded; }
    public String getSha256() { return sha256; }
    public long getReceivedAt() { return receivedAt; }
    public String getReceivedBy() { return receivedBy; }
    public byte[] getArchive() { return archive; }
}
