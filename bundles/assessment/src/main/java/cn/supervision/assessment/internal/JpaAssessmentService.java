package cn.supervision.assessment.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.assessment.AssessmentItem;
import cn.supervision.api.assessment.AssessmentService;
import cn.supervision.api.assessment.AssessmentView;
import cn.supervision.api.assessment.CampaignRevision;
import cn.supervision.api.assessment.ExportFormat;
import cn.supervision.api.assessment.ExportRecord;
import cn.supervision.api.assessment.ItemState;
import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingDraft;
import cn.supervision.api.assessment.UnitAssessment;
import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.api.tx.TransactionLock;
import cn.supervision.assessment.internal.ItemRules.Derived;
import cn.supervision.assessment.internal.ItemRules.SpecialResults;
import cn.supervision.assessment.internal.MappingRules.Rules;
import cn.supervision.assessment.internal.model.ExportEntity;
import cn.supervision.assessment.internal.model.ItemEntity;
import cn.supervision.assessment.internal.model.MappingEntity;

/**
 * The comprehensive-assessment facade on OpenJPA: mapping revisions ({@link MappingRules}), the arithmetic
 * ({@link Points}), special-campaign items ({@link ItemRules}) and the export log. Authority is the registry's
 * {@link Access}: READ_RESULTS on the jurisdiction's published results to read, MANAGE_ASSESSMENT to configure and
 * decide. Published campaigns are read as the platform once the caller may read them, so that items are derived from
 * every unit's result whoever asks; what a caller sees is then filtered unit by unit.
 * <p>
 * Reading never changes the items of someone else's assessment: the view merges the items the mapping derives now with
 * the stored decisions, and only the jurisdiction's own office (MANAGE_ASSESSMENT) stores that reconciliation (on its
 * own reads and before its decisions). An item derived but not yet stored is shown PROPOSED with id 0 (no stored item);
 * a stored item derived differently now is shown as the new PROPOSED one until the office reconciles. The export log is
 * written for every export, whoever exports (an audit record, not a change of the assessment).
 * <p>
 * What changes a jurisdiction's assessment of a year (reconciliation, a decision, a mapping revision) runs one
 * transaction at a time on every platform node: each such transaction first holds the database lock
 * {@code assessment:<jurisdiction>:<year>} ({@link TransactionLock}), so two nodes never store the same derived item twice.
 */
public class JpaAssessmentService implements AssessmentService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaAssessmentService.class);
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final Caller PLATFORM = Caller.system("assessment");

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final CampaignService campaigns;
    private final List<String> grades;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** {@code grades}: the grade labels of campaign results, highest first, comma-separated ("优秀,良好,一般,较差"). */
    public JpaAssessmentService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, String grades) {
        this(jpa, registry, campaigns, grades, Clock.systemUTC());
    }

    JpaAssessmentService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, String grades, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.campaigns = campaigns;
        this.grades = parseGrades(grades);
        this.clock = clock;
    }

    static List<String> parseGrades(String text) {
        List<String> out = Arrays.stream(Objects.requireNonNull(text, "grades").split(","))
                .map(g -> g.contains(":") ? g.substring(0, g.indexOf(':')) : g).map(String::trim).filter(g -> !g.isEmpty())
                .distinct().toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no grades");
        }
        return out;
    }

    @Override
    public List<String> grades() {
        return grades;
    }

    // ------------------------------------------------------------------ mappings

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw SupervisionException.invalid("year", "年度须在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间");
        }
    }

    private void requireRead(Caller caller, String jurisdictionCode, int year) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.READ_RESULTS, new Target(jurisdictionCode, null, true));
        checkYear(year);
    }

    @Override
    public Mapping mapping(Caller caller, String jurisdictionCode, int year) {
        requireRead(caller, jurisdictionCode, year);
        return current(jurisdictionCode, year).orElseThrow(() -> SupervisionException.notFound(
                "行政区划 " + jurisdictionCode + " 尚未配置 " + year + " 年度综合考核折算规则"));
    }

    @Override
    public Mapping mapping(Caller caller, String jurisdictionCode, int year, int revision) {
        requireRead(caller, jurisdictionCode, year);
        return mappingRevisions(caller, jurisdictionCode, year).stream().filter(m -> m.revision() == revision).findFirst()
                .orElseThrow(() -> SupervisionException.notFound("折算规则第 " + revision + " 版不存在"));
    }

    @Override
    public List<Mapping> mappingRevisions(Caller caller, String jurisdictionCode, int year) {
        requireRead(caller, jurisdictionCode, year);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j"
                        + " and m.year = :y order by m.revision", MappingEntity.class).setParameter("j", jurisdictionCode)
                .setParameter("y", year).getResultList()).stream().map(this::toValue).toList();
    }

    private java.util.Optional<Mapping> current(String jurisdictionCode, int year) {
        List<MappingEntity> rows = jpa.txExpr(TransactionType.Supports, em -> latest(em, jurisdictionCode, year));
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(toValue(rows.get(0)));
    }

    private static List<MappingEntity> latest(EntityManager em, String jurisdictionCode, int year) {
        return em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j and m.year = :y order by m.revision desc",
                MappingEntity.class).setParameter("j", jurisdictionCode).setParameter("y", year).setMaxResults(1).getResultList();
    }

    @Override
    public Mapping saveMapping(Caller caller, String jurisdictionCode, int year, MappingDraft draft) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdictionCode", "必填");
        }
        registry.access().require(caller, Operation.MANAGE_ASSESSMENT, jurisdictionCode);
        checkYear(year);
        Rules rules = MappingRules.check(draft, grades, year, id -> campaignOf(jurisdictionCode, id));
        String text = write(rules);
        long now = clock.millis();
        MappingEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            lock(em, jurisdictionCode, year);
            List<MappingEntity> last = latest(em, jurisdictionCode, year);
            if (!last.isEmpty() && read(last.get(0).getRulesJson()).equals(rules)) {
                return last.get(0);
            }
            MappingEntity e = new MappingEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setYear(year);
            e.setRevision(last.isEmpty() ? 1 : last.get(0).getRevision() + 1);
            e.setRulesJson(text);
            e.setCreatedBy(caller.username());
            e.setCreatedAt(now);
            em.persist(e);
            return e;
        });
        LOG.info("Assessment mapping {}/{} revision {} by {}", jurisdictionCode, year, saved.getRevision(), caller.username());
        return toValue(saved);
    }

    /**
     * The assessment of a jurisdiction and year changes one transaction at a time, on every node (item reconciliation,
     * decisions, revision numbering): the first statement of each such transaction.
     */
    private static void lock(EntityManager em, String jurisdictionCode, int year) {
        TransactionLock.hold(() -> em.unwrap(Connection.class), "assessment:" + jurisdictionCode + ":" + year);
    }

    /** A campaign of the jurisdiction, or null (another jurisdiction's, or none). */
    private Campaign campaignOf(String jurisdictionCode, long id) {
        try {
            Campaign c = campaigns.get(PLATFORM, id);
            return c.jurisdictionCode().equals(jurisdictionCode) ? c : null;
        } catch (SupervisionException e) {
            return null;
        }
    }

    private String write(Rules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Rules read(String text) {
        try {
            return json.readValue(text, Rules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment mapping unreadable", e);
        }
    }

    private Mapping toValue(MappingEntity e) {
        Rules r = read(e.getRulesJson());
        return new Mapping(e.getJurisdictionCode(), e.getYear(), e.getRevision(), r.method(), r.scaleMax(), r.floor(), r.decimals(),
                r.rounding(), r.gradePoints(), r.routineCampaignId(), r.specialRules(), r.note(), e.getCreatedBy(),
                Instant.ofEpochMilli(e.getCreatedAt()));
    }

    // ------------------------------------------------------------------ the mapped view

    /** A published campaign of the year at its latest result revision (every unit's rows). */
    record Published(Campaign campaign, ResultRevision latest, Instant publishedAt) {
        CampaignRevision revision() {
            return new CampaignRevision(campaign.id(), campaign.kind(), campaign.title(), latest.revision());
        }
    }

    private List<Published> published(String jurisdictionCode, int year) {
        List<Published> out = new ArrayList<>();
        for (Campaign c : campaigns.list(PLATFORM, jurisdictionCode, CampaignState.PUBLISHED)) {
            if (!c.jurisdictionCode().equals(jurisdictionCode) || c.period().year() != year) {
                continue;
            }
            List<ResultRevision> revisions = campaigns.revisions(PLATFORM, c.id());
            if (!revisions.isEmpty()) {
                out.add(new Published(c, revisions.get(revisions.size() - 1), revisions.get(0).at()));
            }
        }
        return out;
    }

    @Override
    public AssessmentView export(Caller caller, String jurisdictionCode, int year, ExportFormat format) {
        requireRead(caller, jurisdictionCode, year);
        Objects.requireNonNull(format, "format");
        Mapping mapping = current(jurisdictionCode, year).orElseThrow(() -> SupervisionException.conflict(
                "行政区划 " + jurisdictionCode + " 尚未配置 " + year + " 年度综合考核折算规则，请先由本级编办配置"));
        List<Published> published = published(jurisdictionCode, year);
        List<Published> routine = routineCampaigns(mapping, published);
        Map<Long, Unit> units = new HashMap<>();
        registry.listUnits(PLATFORM, jurisdictionCode, true).forEach(u -> units.put(u.id(), u));
        // every unit's routine line, computed (and refused on an unmapped grade) before anything is written
        Map<Long, Line> lines = new LinkedHashMap<>();
        for (Published p : routine) {
            for (UnitResult r : p.latest().results()) {
                Line seen = lines.get(r.unitId());
                if (seen == null || later(p, seen.campaign())) {
                    lines.put(r.unitId(), new Line(p, r, Points.routine(mapping, r.unitName(), r.total(), r.grade())));
                }
            }
        }
        List<Derived> derived = ItemRules.derive(mapping, specials(published));
        List<CampaignRevision> used = published.stream().map(Published::revision).toList();
        Instant now = clock.instant();
        boolean own = manages(caller, jurisdictionCode);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (own) {
                lock(em, jurisdictionCode, year);
            }
            List<AssessmentItem> items = own ? reconcile(em, jurisdictionCode, year, mapping.revision(), derived, now)
                    : merged(em, jurisdictionCode, year, mapping.revision(), derived);
            Map<Long, List<AssessmentItem>> byUnit = new HashMap<>();
            items.forEach(i -> byUnit.computeIfAbsent(i.unitId(), k -> new ArrayList<>()).add(i));
            Map<Long, String> names = new LinkedHashMap<>();
            lines.forEach((id, l) -> names.put(id, l.result().unitName()));
            items.forEach(i -> names.putIfAbsent(i.unitId(), i.unitName()));
            List<UnitAssessment> view = new ArrayList<>();
            for (Map.Entry<Long, String> n : names.entrySet()) {
                Unit unit = units.get(n.getKey());
                String code = unit == null ? null : unit.code();
                if (!registry.access().may(caller, Operation.READ_RESULTS, new Target(jurisdictionCode, code, true))) {
                    continue;
                }
                Line l = lines.get(n.getKey());
                List<AssessmentItem> mine = byUnit.getOrDefault(n.getKey(), List.of());
                view.add(new UnitAssessment(n.getKey(), code, n.getValue(), l == null ? null : l.campaign().campaign().id(),
                        l == null ? null : l.campaign().latest().revision(), l == null ? null : l.result().total(),
                        l == null ? null : l.result().grade(), l == null ? null : l.points(), mine,
                        Points.finalPoints(mapping, l == null ? null : l.points(), mine)));
            }
            view.sort(Comparator.comparing((UnitAssessment u) -> u.unitCode() == null ? "\uffff" : u.unitCode())
                    .thenComparingLong(UnitAssessment::unitId));
            ExportEntity e = new ExportEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setYear(year);
            e.setFormat(format);
            e.setExportedBy(caller.username());
            e.setExportedAt(now.toEpochMilli());
            e.setMappingRevision(mapping.revision());
            e.setCampaignsJson(writeCampaigns(used));
            e.setUnits(view.size());
            em.persist(e);
            em.flush();
            LOG.info("Assessment {}/{} exported as {} by {} (mapping revision {}, {} units)", jurisdictionCode, year, format,
                    caller.username(), mapping.revision(), view.size());
            return new AssessmentView(jurisdictionCode, year, mapping.revision(), used, view, e.getId(), now);
        });
    }

    /** One unit's routine result and its points. */
    private record Line(Published campaign, UnitResult result, BigDecimal points) { }

    /**
     * The routine campaigns the view takes results from: the one the mapping pins, else every published routine
     * campaign of the year, a unit's line coming from the most recently published one that scored it.
     */
    private static List<Published> routineCampaigns(Mapping mapping, List<Published> published) {
        if (mapping.routineCampaignId() == null) {
            return published.stream().filter(p -> p.campaign().kind() == CampaignKind.ROUTINE).toList();
        }
        return published.stream().filter(p -> p.campaign().id() == mapping.routineCampaignId()).findFirst().map(List::of)
                .orElseThrow(() -> SupervisionException.conflict("折算规则指定的常规监管活动 " + mapping.routineCampaignId() + " 尚未发布"));
    }

    private static boolean later(Published p, Published than) {
        int c = p.publishedAt().compareTo(than.publishedAt());
        return c > 0 || (c == 0 && p.campaign().id() > than.campaign().id());
    }

    private static List<SpecialResults> specials(List<Published> published) {
        return published.stream().filter(p -> p.campaign().kind() == CampaignKind.SPECIAL)
                .map(p -> new SpecialResults(p.campaign(), p.latest().revision(), p.latest().results())).toList();
    }

    @Override
    public List<AssessmentItem> items(Caller caller, String jurisdictionCode, int year) {
        requireRead(caller, jurisdictionCode, year);
        Mapping mapping = current(jurisdictionCode, year).orElseThrow(() -> SupervisionException.conflict(
                "行政区划 " + jurisdictionCode + " 尚未配置 " + year + " 年度综合考核折算规则，请先由本级编办配置"));
        List<Derived> derived = ItemRules.derive(mapping, specials(published(jurisdictionCode, year)));
        Map<Long, String> codes = new HashMap<>();
        registry.listUnits(PLATFORM, jurisdictionCode, true).forEach(u -> codes.put(u.id(), u.code()));
        Instant now = clock.instant();
        List<AssessmentItem> items;
        if (manages(caller, jurisdictionCode)) {
            items = jpa.txExpr(TransactionType.Required, em -> {
                lock(em, jurisdictionCode, year);
                return reconcile(em, jurisdictionCode, year, mapping.revision(), derived, now);
            });
        } else {
            items = jpa.txExpr(TransactionType.Supports, em -> merged(em, jurisdictionCode, year, mapping.revision(), derived));
        }
        return registry.access().filter(caller, Operation.READ_RESULTS, items,
                i -> new Target(jurisdictionCode, codes.get(i.unitId()), true));
    }

    /** Whether the caller is the jurisdiction's own office, the only one whose reads store the reconciliation. */
    private boolean manages(Caller caller, String jurisdictionCode) {
        return registry.access().may(caller, Operation.MANAGE_ASSESSMENT, jurisdictionCode);
    }

    private static List<ItemEntity> storedInForce(EntityManager em, String jurisdictionCode, int year) {
        return em.createQuery("select i from ItemEntity i where i.jurisdictionCode = :j and i.year = :y"
                        + " and i.state <> :s order by i.id", ItemEntity.class).setParameter("j", jurisdictionCode).setParameter("y", year)
                .setParameter("s", ItemState.SUPERSEDED).getResultList();
    }

    private static boolean unchanged(ItemEntity old, Derived d) {
        return old.getResultRevision() == d.resultRevision() && old.getKind() == d.kind()
                && new BigDecimal(old.getPoints()).compareTo(d.points()) == 0 && old.getReason().equals(d.reason());
    }

    /**
     * What {@link #reconcile} would make of the items, computed without writing anything: a stored item derived again
     * unchanged as stored (its state and decision), any other derived item as a PROPOSED item with id 0 (not stored),
     * after the stored ones in the order reconciliation would store them.
     */
    private static List<AssessmentItem> merged(EntityManager em, String jurisdictionCode, int year, int mappingRevision,
                                               List<Derived> derived) {
        Map<String, ItemEntity> byKey = new HashMap<>();
        storedInForce(em, jurisdictionCode, year).forEach(i -> byKey.put(i.getCampaignId() + "/" + i.getUnitId() + "/" + i.getRuleNumber(), i));
        List<ItemEntity> kept = new ArrayList<>();
        List<AssessmentItem> proposed = new ArrayList<>();
        for (Derived d : derived) {
            ItemEntity old = byKey.get(d.key());
            if (old != null && unchanged(old, d)) {
                kept.add(old);
            } else {
                proposed.add(new AssessmentItem(0, jurisdictionCode, year, d.unitId(), d.unitName(), d.campaignId(), d.campaignTitle(),
                        d.resultRevision(), mappingRevision, d.ruleNumber(), d.kind(), d.points(), d.reason(), ItemState.PROPOSED,
                        null, null, null));
            }
        }
        List<AssessmentItem> out = new ArrayList<>(kept.stream().sorted(Comparator.comparingLong(ItemEntity::getId))
                .map(JpaAssessmentService::toValue).toList());
        out.addAll(proposed);
        return out;
    }

    /**
     * Brings the stored items in force in line with what the mapping derives now: an item derived again unchanged
     * (same result revision, kind, points and reason) keeps its state and decision; one derived differently is
     * superseded by a new PROPOSED item; one no longer derived is superseded. Returns the items in force.
     */
    private List<AssessmentItem> reconcile(EntityManager em, String jurisdictionCode, int year, int mappingRevision,
                                           List<Derived> derived, Instant now) {
        List<ItemEntity> inForce = storedInForce(em, jurisdictionCode, year);
        Map<String, ItemEntity> byKey = new HashMap<>();
        inForce.forEach(i -> byKey.put(i.getCampaignId() + "/" + i.getUnitId() + "/" + i.getRuleNumber(), i));
        List<ItemEntity> out = new ArrayList<>();
        for (Derived d : derived) {
            ItemEntity old = byKey.remove(d.key());
            if (old != null && unchanged(old, d)) {
                out.add(old);
                continue;
            }
            if (old != null) {
                old.setState(ItemState.SUPERSEDED);
            }
            ItemEntity e = new ItemEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setYear(year);
            e.setUnitId(d.unitId());
            e.setUnitName(d.unitName());
            e.setCampaignId(d.campaignId());
            e.setCampaignTitle(d.campaignTitle());
            e.setResultRevision(d.resultRevision());
            e.setMappingRevision(mappingRevision);
            e.setRuleNumber(d.ruleNumber());
            e.setKind(d.kind());
            e.setPoints(d.points().toPlainString());
            e.setReason(d.reason());
            e.setState(ItemState.PROPOSED);
            e.setCreatedAt(now.toEpochMilli());
            em.persist(e);
            out.add(e);
        }
        byKey.values().forEach(i -> i.setState(ItemState.SUPERSEDED));
        em.flush();
        return out.stream().sorted(Comparator.comparingLong(ItemEntity::getId)).map(JpaAssessmentService::toValue).toList();
    }

    private static AssessmentItem toValue(ItemEntity e) {
        return new AssessmentItem(e.getId(), e.getJurisdictionCode(), e.getYear(), e.getUnitId(), e.getUnitName(), e.getCampaignId(),
                e.getCampaignTitle(), e.getResultRevision(), e.getMappingRevision(), e.getRuleNumber(), e.getKind(),
                new BigDecimal(e.getPoints()), e.getReason(), e.getState(), e.getDecidedBy(),
                e.getDecidedAt() == null ? null : Instant.ofEpochMilli(e.getDecidedAt()), e.getNote());
    }

    // ------------------------------------------------------------------ deciding items

    @Override
    public AssessmentItem confirm(Caller caller, long itemId, String note) {
        return decide(caller, itemId, ItemState.CONFIRMED, note, false);
    }

    @Override
    public AssessmentItem drop(Caller caller, long itemId, String note) {
        return decide(caller, itemId, ItemState.DROPPED, note, true);
    }

    private AssessmentItem decide(Caller caller, long itemId, ItemState to, String note, boolean reasonRequired) {
        ItemEntity current = jpa.txExpr(TransactionType.Supports, em -> find(em, itemId));
        registry.access().require(caller, Operation.MANAGE_ASSESSMENT, current.getJurisdictionCode());
        String text = note == null || note.isBlank() ? null : note.trim();
        if (reasonRequired && text == null) {
            throw SupervisionException.invalid("note", "舍弃加减分事项须说明理由");
        }
        if (text != null && text.length() > MappingRules.MAX_NOTE) {
            throw SupervisionException.invalid("note", "说明不超过 " + MappingRules.MAX_NOTE + " 个字符");
        }
        long now = clock.millis();
        // the office's own command: its items are first brought up to date, so that a stale item cannot be decided
        Mapping mapping = current(current.getJurisdictionCode(), current.getYear()).orElse(null);
        List<Derived> derived = mapping == null ? null
                : ItemRules.derive(mapping, specials(published(current.getJurisdictionCode(), current.getYear())));
        String jurisdictionCode = current.getJurisdictionCode();
        int year = current.getYear();
        if (mapping != null) {
            jpa.txExpr(TransactionType.Required, em -> {
                lock(em, jurisdictionCode, year);
                return reconcile(em, jurisdictionCode, year, mapping.revision(), derived, Instant.ofEpochMilli(now));
            });
        }
        AssessmentItem done = jpa.txExpr(TransactionType.Required, em -> {
            lock(em, jurisdictionCode, year);
            ItemEntity e = find(em, itemId);
            if (e.getState() == ItemState.SUPERSEDED) {
                throw SupervisionException.conflict("该事项已失效（折算规则或监管结果已更新），请处理新生成的事项");
            }
            if (e.getState() == to) {
                throw SupervisionException.conflict("该事项已是“" + to.label() + "”状态");
            }
            e.setState(to);
            e.setDecidedBy(caller.username());
            e.setDecidedAt(now);
            e.setNote(text);
            return toValue(e);
        });
        LOG.info("Assessment item #{} {} by {}", itemId, to, caller.username());
        return done;
    }

    private static ItemEntity find(EntityManager em, long id) {
        ItemEntity e = em.find(ItemEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("加减分事项 " + id + " 不存在");
        }
        return e;
    }

    // ------------------------------------------------------------------ export log

    @Override
    public List<ExportRecord> exports(Caller caller, String jurisdictionCode, Integer year) {
        Access access = registry.access();
        if (jurisdictionCode != null) {
            access.require(caller, Operation.MANAGE_ASSESSMENT, jurisdictionCode);
        }
        if (year != null) {
            checkYear(year);
        }
        List<ExportEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("select e from ExportEntity e where 1 = 1" + (jurisdictionCode == null ? "" : " and e.jurisdictionCode = :j")
                    + (year == null ? "" : " and e.year = :y") + " order by e.id desc", ExportEntity.class);
            if (jurisdictionCode != null) {
                q.setParameter("j", jurisdictionCode);
            }
            if (year != null) {
                q.setParameter("y", year);
            }
            return q.getResultList();
        });
        return rows.stream().filter(e -> access.may(caller, Operation.MANAGE_ASSESSMENT, e.getJurisdictionCode()))
                .map(e -> new ExportRecord(e.getId(), e.getJurisdictionCode(), e.getYear(), e.getFormat(), e.getExportedBy(),
                        Instant.ofEpochMilli(e.getExportedAt()), e.getMappingRevision(), readCampaigns(e.getCampaignsJson()), e.getUnits()))
                .toList();
    }

    private String writeCampaigns(List<CampaignRevision> used) {
        try {
            return json.writeValueAsString(used);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CampaignRevision> readCampaigns(String text) {
        try {
            return json.readValue(text, new TypeReference<List<CampaignRevision>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored export record unreadable", e);
        }
    }
}
