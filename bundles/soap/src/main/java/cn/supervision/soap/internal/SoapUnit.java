package cn.supervision.soap.internal;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlElementWrapper;
import javax.xml.bind.annotation.XmlType;

import cn.supervision.api.registry.Unit;

/** The SOAP contract's view of a unit: explicit and stable, independent of the Java value types. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Unit", propOrder = {"id", "code", "name", "shortName", "kind", "jurisdictionCode", "parentUnitId",
        "status", "duties", "internalBodies", "administrativeSlots", "institutionalSlots", "leadershipPosts", "revision"})
public class SoapUnit {
    @XmlElement(required = true)
    public long id;
    @XmlElement(required = true)
    public String code;
    @XmlElement(required = true)
    public String name;
    public String shortName;
    @XmlElement(required = true)
    public String kind;
    @XmlElement(required = true)
    public String jurisdictionCode;
    public Long parentUnitId;
    @XmlElement(required = true)
    public String status;
    @XmlElementWrapper(name = "duties")
    @XmlElement(name = "duty")
    public List<SoapDuty> duties = new ArrayList<>();
    @XmlElementWrapper(name = "internalBodies")
    @XmlElement(name = "body")
    public List<String> internalBodies = new ArrayList<>();
    public int administrativeSlots;
    public int institutionalSlots;
    public int leadershipPosts;
    public int revision;

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Duty")
    public static class SoapDuty {
        public int number;
        public String text;
        /** The duty's stable id (kept across mandate revisions); added after number and text so older clients still read. */
        public Long id;
        /** The power-list category as the enum name (e.g. LICENSING), absent for an untyped duty. */
        public String type;
        /** The category's Chinese label (e.g. 行政许可). */
        public String typeLabel;
    }

    static SoapUnit of(Unit u) {
        SoapUnit s = new SoapUnit();
        s.id = u.id();
        s.code = u.code();
        s.name = u.name();
        s.shortName = u.shortName();
        s.kind = u.kind().name();
        s.jurisdictionCode = u.jurisdictionCode();
        s.parentUnitId = u.parentUnitId();
        s.status = u.status().name();
        u.mandate().duties().forEach(d -> {
            SoapDuty sd = new SoapDuty();
            sd.number = d.number();
            sd.text = d.text();
            sd.id = d.id();
            if (d.type() != null) {
                sd.type = d.type().name();
                sd.typeLabel = d.type().label();
            }
            s.duties.add(sd);
        });
        s.internalBodies.addAll(u.mandate().internalBodies());
        s.administrativeSlots = u.mandate().staffing().administrativeSlots();
        s.institutionalSlots = u.mandate().staffing().institutionalSlots();
        s.leadershipPosts = u.mandate().staffing().leadershipPosts();
        s.revision = u.revision();
        return s;
    }
}
