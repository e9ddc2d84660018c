package cn.supervision.soap.internal;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

import cn.supervision.api.platform.BatchReceipt;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "BatchReceipt")
public class SoapBatchReceipt {
    public String clientBatchId;
    public Long batchId;
    /** APPLIED, DUPLICATE or REJECTED. */
    public String status;
    public int rows;
    public int accepted;
    public int superseded;
    public List<RejectedRow> rejected = new ArrayList<>();
    public String receivedAt;

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "RejectedRow")
    public static class RejectedRow {
        public int line;
        public String field;
        public String message;
    }

    static SoapBatchReceipt of(BatchReceipt r) {
        SoapBatchReceipt s = new SoapBatchReceipt();
        s.clientBatchId = r.clientBatchId();
        s.batchId = r.batchId();
        s.status = r.status().name();
        s.rows = r.rows();
        s.accepted = r.accepted();
        s.superseded = r.superseded();
        s.receivedAt = r.receivedAt() == null ? null : r.receivedAt().toString();
        r.rejected().forEach(e -> {
            RejectedRow row = new RejectedRow();
            row.line = e.line();
            row.field = e.field();
            row.message = e.message();
            s.rejected.add(row);
        });
        return s;
    }
}
