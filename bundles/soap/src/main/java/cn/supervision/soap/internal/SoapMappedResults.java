package cn.supervision.soap.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlElementWrapper;
import javax.xml.bind.annotation.XmlType;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.AssessmentView;
import cn.supervision.api.assessment.CampaignRevision;
import cn.supervision.api.assessment.UnitAssessment;

/**
 * The mapped view for the comprehensive assessment (art. 18): per unit, the routine result mapped onto the assessment
 * indicator with mapping revision {@code mappingRevision}, the special-campaign items and the final points; the
 * campaigns and result revisions used; {@code exportId} names this export in the platform's export log.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "MappedResults")
public class SoapMappedResults {
    public String jurisdictionCode;
    public int year;
    public int mappingRevision;
    public long exportId;
    public String generatedAt;
    @XmlElementWrapper(name = "campaigns")
    @XmlElement(name = "campaign")
    public List<SoapCampaignRevision> campaigns = new ArrayList<>();
    @XmlElementWrapper(name = "units")
    @XmlElement(name = "unit")
    public List<SoapUnitAssessment> units = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CampaignRevision")
    public static class SoapCampaignRevision {
        public long campaignId;
        public String kind;
        public String title;
        public int revision;

        static SoapCampaignRevision of(CampaignRevision c) {
            SoapCampaignRevision s = new SoapCampaignRevision();
            s.campaignId = c.campaignId();
            s.kind = c.kind().name();
            s.title = c.title();
            s.revision = c.revision();
            return s;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "UnitAssessment")
    public static class SoapUnitAssessment {
        public long unitId;
        public String unitCode;
        public String unitName;
        public Long routineCampaignId;
        public Integer resultRevision;
        public BigDecimal total;
        public String grade;
        public BigDecimal assessmentPoints;
        @XmlElementWrapper(name = "items")
        @XmlElement(name = "item")
        public List<SoapAssessmentItem> items = new ArrayList<>();
        public BigDecimal finalPoints;

        static SoapUnitAssessment of(UnitAssessment u) {
            SoapUnitAssessment s = new SoapUnitAssessment();
            s.unitId = u.unitId();
            s.unitCode = u.unitCode();
            s.unitName = u.unitName();
            s.routineCampaignId = u.routineCampaignId();
            s.resultRevision = u.resultRevision();
            s.total = u.total();
            s.grade = u.grade();
            s.assessmentPoints = u.assessmentPoints();
            u.items().forEach(i -> s.items.add(SoapAssessmentItem.of(i)));
            s.finalPoints = u.finalPoints();
            return s;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "AssessmentItem")
    public static class SoapAssessmentItem {
        public long id;
        /** BONUS or DEDUCTION. */
        public String kind;
        public BigDecimal points;
        public String reason;
        public long campaignId;
        public String campaignTitle;
        public int resultRevision;
        /** PROPOSED, CONFIRMED or DROPPED: only CONFIRMED items count in finalPoints. */
        public String state;

        static SoapAssessmentItem of(AssessmentItem i) {
            SoapAssessmentItem s = new SoapAssessmentItem();
            s.id = i.id();
            s.kind = i.kind().name();
            s.points = i.points();
            s.reason = i.reason();
            s.campaignId = i.campaignId();
            s.campaignTitle = i.campaignTitle();
            s.resultRevision = i.resultRevision();
            s.state = i.state().name();
            return s;
        }
    }

    static SoapMappedResults of(AssessmentView v) {
        SoapMappedResults s = new SoapMappedResults();
        s.jurisdictionCode = v.jurisdictionCode();
        s.year = v.year();
        s.mappingRevision = v.mappingRevision();
        s.exportId = v.exportId();
        s.generatedAt = v.generatedAt().toString();
        v.campaigns().forEach(c -> s.campaigns.add(SoapCampaignRevision.of(c)));
        v.units().forEach(u -> s.units.add(SoapUnitAssessment.of(u)));
        return s;
    }
}
