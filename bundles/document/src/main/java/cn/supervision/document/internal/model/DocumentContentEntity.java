package cn.supervision.document.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** The bytes of one document version, apart from its metadata so that listings never load them. */
@Entity
@Table(name = "SUP_DOCUMENT_CONTENT")
public class DocumentContentEntity {
    @Id
    private long documentId;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, length = 67108864)
    private byte[] content;

    public long getDocumentId() { return documentId; }
    public void setDocumentId(long v) { documentId = v; }
    public byte[] getContent() { return content; }
    public void setContent(byte[] v) { content = v; }
}
