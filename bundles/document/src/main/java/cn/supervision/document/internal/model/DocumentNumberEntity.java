package cn.supervision.document.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** The last number given in one jurisdiction, kind and year; key {@code 370500/RECTIFICATION_NOTICE/2026}. */
@Entity
@Table(name = "SUP_DOCUMENT_NUMBER")
public class DocumentNumberEntity {
    @Id
    @Column(length = 80)
    private String counterKey;
    // named as OpenJPA named it on Derby (a reserved word there), so PostgreSQL has the same column
    @Column(name = "LAST0")
    private int last;
    @Version
    private int revision;

    public String getCounterKey() { return counterKey; }
    public void setCounterKey(String v) { counterKey = v; }
    public int getLast() { return last; }
    public void setLast(int v) { last = v; }
}
