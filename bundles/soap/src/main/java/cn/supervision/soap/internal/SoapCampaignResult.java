package cn.supervision.soap.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlElementWrapper;
import javax.xml.bind.annotation.XmlType;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;

/** A published campaign's results in force (the latest revision), for the comprehensive assessment (art. 18). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CampaignResult")
public class SoapCampaignResult {
    public long campaignId;
    public String jurisdictionCode;
    public String kind;
    public String title;
    public String period;
    public int revision;
    public String revisionReason;
    public String publishedAt;
    @XmlElementWrapper(name = "units")
    @XmlElement(name = "unit")
    public List<SoapUnitResult> units = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "UnitResult")
    public static class SoapUnitResult {
        public long unitId;
        public String unitName;
        public String unitKind;
        public BigDecimal total;
        public String grade;
        public int rank;
        public int rankInKind;
        public BigDecimal dutyView;
        public BigDecimal corroborationView;
        public boolean flagged;

        static SoapUnitResult of(UnitResult r) {
            SoapUnitResult s = new SoapUnitResult();
            s.unitId = r.unitId();
            s.unitName = r.unitName();
            s.unitKind = r.unitKind();
            s.total = r.total();
            s.grade = r.grade();
            s.rank = r.rank();
            s.rankInKind = r.rankInKind();
            s.dutyView = r.dutyView();
            s.corroborationView = r.corroborationView();
            s.flagged = r.flagged();
            return s;
        }
    }

    static SoapCampaignResult of(Campaign c, ResultRevision latest, List<UnitResult> visible) {
        SoapCampaignResult s = new SoapCampaignResult();
        s.campaignId = c.id();
        s.jurisdictionCode = c.jurisdictionCode();
        s.kind = c.kind().name();
        s.title = c.title();
        s.period = c.period().label();
        s.revision = latest.revision();
        s.revisionReason = latest.reason();
        s.publishedAt = latest.at().toString();
        visible.forEach(r -> s.units.add(SoapUnitResult.of(r)));
        return s;
    }
}
