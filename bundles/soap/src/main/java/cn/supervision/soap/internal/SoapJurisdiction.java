package cn.supervision.soap.internal;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

import cn.supervision.api.registry.Jurisdiction;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Jurisdiction")
public class SoapJurisdiction {
    public String code;
    public String name;
    public String kind;
    public String parentCode;
    public boolean localCode;

    static SoapJurisdiction of(Jurisdiction j) {
        SoapJurisdiction s = new SoapJurisdiction();
        s.code = j.code();
        s.name = j.name();
        s.kind = j.kind().name();
        s.parentCode = j.parentCode();
        s.localCode = j.localCode();
        return s;
    }
}
