package cn.supervision.soap.internal;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One row of a pushed batch, as text (validated by the platform with its line number). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "DataRow")
public class SoapDataRow {
    public String metric;
    public String unit;
    public String date;
    public String value;
    public String recordId;
}
