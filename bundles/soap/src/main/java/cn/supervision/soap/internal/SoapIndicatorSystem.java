package cn.supervision.soap.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlElementWrapper;
import javax.xml.bind.annotation.XmlType;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystem;

/** A published indicator system as partners see it: metadata, the tree with each leaf's rule, and the adjustments. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "IndicatorSystem")
public class SoapIndicatorSystem {
    public long id;
    public String jurisdictionCode;
    public String name;
    public int year;
    public int version;
    public String status;
    public String aggregation;
    public BigDecimal baseMax;
    public BigDecimal specificMax;
    public String contentHash;
    public String publishedAt;
    @XmlElementWrapper(name = "indicators")
    @XmlElement(name = "indicator")
    public List<SoapIndicator> indicators = new ArrayList<>();
    @XmlElementWrapper(name = "adjustments")
    @XmlElement(name = "adjustment")
    public List<SoapAdjustment> adjustments = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Indicator")
    public static class SoapIndicator {
        public String code;
        public String name;
        public BigDecimal weight;
        public String category;
        public String scope;
        public String assessmentPoints;
        public String ruleType;
        public String standard;
        @XmlElement(name = "indicator")
        public List<SoapIndicator> children = new ArrayList<>();

        static SoapIndicator of(Indicator i) {
            SoapIndicator s = new SoapIndicator();
            s.code = i.code();
            s.name = i.name();
            s.weight = i.weight();
            s.category = i.category() == null ? null : i.category().name();
            s.scope = i.scope().name();
            s.assessmentPoints = i.assessmentPoints();
            s.ruleType = i.rule() == null ? null : i.rule().type().name();
            s.standard = i.rule() == null ? null : i.rule().description();
            i.children().forEach(c -> s.children.add(of(c)));
            return s;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Adjustment")
    public static class SoapAdjustment {
        public String code;
        public String name;
        public String kind;
        public BigDecimal cap;
        public String vetoEffect;
        public String standard;

        static SoapAdjustment of(Adjustment a) {
            SoapAdjustment s = new SoapAdjustment();
            s.code = a.code();
            s.name = a.name();
            s.kind = a.kind().name();
            s.cap = a.cap();
            s.vetoEffect = a.vetoEffect() == null ? null : a.vetoEffect().name();
            s.standard = a.rule() == null ? null : a.rule().description();
            return s;
        }
    }

    static SoapIndicatorSystem of(IndicatorSystem sys) {
        SoapIndicatorSystem s = new SoapIndicatorSystem();
        s.id = sys.id();
        s.jurisdictionCode = sys.jurisdictionCode();
        s.name = sys.definition().name();
        s.year = sys.definition().year();
        s.version = sys.version();
        s.status = sys.status().name();
        s.aggregation = sys.definition().aggregation() == null ? null : sys.definition().aggregation().name();
        s.baseMax = sys.definition().baseMax();
        s.specificMax = sys.definition().specificMax();
        s.contentHash = sys.contentHash();
        s.publishedAt = sys.publishedAt() == null ? null : sys.publishedAt().toString();
        sys.definition().indicators().forEach(i -> s.indicators.add(SoapIndicator.of(i)));
        sys.definition().adjustments().forEach(a -> s.adjustments.add(SoapAdjustment.of(a)));
        return s;
    }
}
