package cn.supervision.soap.internal;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

import cn.supervision.api.rectification.UnitRectificationStatus;

/** One unit's rectification in one year: notices issued, items, closed, overdue, still open, escalations held. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "UnitRectification")
public class SoapUnitRectification {
    public String jurisdictionCode;
    public long unitId;
    public String unitCode;
    public String unitName;
    public int year;
    public int notices;
    public int items;
    public int closedItems;
    public int overdueItems;
    public int openItems;
    public int escalations;

    static SoapUnitRectification of(UnitRectificationStatus s) {
        SoapUnitRectification r = new SoapUnitRectification();
        r.jurisdictionCode = s.jurisdictionCode();
        r.unitId = s.unitId();
        r.unitCode = s.unitCode();
        r.unitName = s.unitName();
        r.year = s.year();
        r.notices = s.notices();
        r.items = s.items();
        r.closedItems = s.closedItems();
        r.overdueItems = s.overdueItems();
        r.openItems = s.openItems();
        r.escalations = s.escalations();
        return r;
    }
}
