package cn.supervision.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityExistsException;
import javax.persistence.EntityManager;
import javax.persistence.RollbackException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.supervision.api.health.HealthIndicator;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.StatusCommand;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitChange;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.registry.UnitRevision;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.registry.internal.model.JurisdictionEntity;
import cn.supervision.registry.internal.model.UnitEntity;
import cn.supervision.registry.internal.model.UnitRevisionEntity;

/** The registry on OpenJPA. Transactions are explicit ({@link JpaTemplate}); authority is checked before any write. */
public class JpaRegistryService implements RegistryService, HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(JpaRegistryService.class);
    static final int MAX_REASON = 500;
    static final int MAX_IMPORT_ROWS = 5_000;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final DutyLedger ledger;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private volatile Access authority;
    private volatile JurisdictionTree tree;
    private volatile String problem = "registry is starting";

    public JpaRegistryService(JpaTemplate jpa) {
        this(jpa, Clock.systemUTC());
    }

    JpaRegistryService(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
        this.ledger = new DutyLedger(clock);
    }

    /** Loads the jurisdiction tree; jurisdictions themselves come from contribution bundles (the city's first). */
    public void start() {
        try {
            reloadTree();
            DutyBackfill.run(jpa, ledger);
            problem = null;
            LOG.info("Registry ready: {} jurisdictions", tree.all().size());
        } catch (RuntimeException e) {
            problem = "registry failed to start: " + e.getMessage();
            LOG.error("Registry failed to start", e);
        }
    }

    private void reloadTree() {
        List<Jurisdiction> all = jpa.txExpr(TransactionType.Supports, em ->
                em.createQuery("select j from JurisdictionEntity j", JurisdictionEntity.class).getResultList()
                        .stream().map(JurisdictionEntity::toValue).toList());
        JurisdictionTree t = new JurisdictionTree(all);
        tree = t;
        authority = new Access(t);
    }

    @Override
    public String component() {
        return "registry";
    }

    @Override
    public String problem() {
        if (problem != null) {
            try {
                authority();
            } catch (SupervisionException e) {
                return problem;
            }
        }
        try {
            long n = jpa.txExpr(TransactionType.Supports, em ->
                    em.createQuery("select count(j) from JurisdictionEntity j", Long.class).getSingleResult());
            return n > 0 ? null : "no jurisdictions yet: the city's contribution bundle has not been processed";
        } catch (RuntimeException e) {
            return "database not reachable: " + e.getMessage();
        }
    }

    /** The tree is loaded at start; if that failed (e.g. the datasource was being replaced), every call retries it. */
    private Access authority() {
        Access a = authority;
        if (a == null) {
            synchronized (this) {
                if (authority == null) {
                    try {
                        reloadTree();
                        DutyBackfill.run(jpa, ledger);
                        problem = null;
                    } catch (RuntimeException e) {
                        LOG.warn("Registry still not ready: {}", e.getMessage());
                        throw new SupervisionException(ProblemKind.BUSY, "服务未就绪", "单位库正在启动，请稍后再试", null);
                    }
                }
                a = authority;
            }
        }
        return a;
    }

    @Override
    public Access access() {
        return authority();
    }

    private static Target targetOf(Unit u) {
        return Target.unit(u.jurisdictionCode(), u.code());
    }

    private static void requireSee(Access a, Caller caller, Unit u) {
        if (!a.may(caller, Operation.READ_REGISTRY, targetOf(u))) {
            throw SupervisionException.forbidden("无权访问单位 " + u.id());
        }
    }

    // ------------------------------------------------------------------ jurisdictions

    @Override
    public List<Jurisdiction> listJurisdictions(Caller caller) {
        Access a = authority();
        return tree.all().stream().filter(j -> a.may(caller, Operation.READ_REGISTRY, j.code())).toList();
    }

    @Override
    public Jurisdiction getJurisdiction(Caller caller, String code) {
        authority().require(caller, Operation.READ_REGISTRY, code);
        return tree.get(code);
    }

    @Override
    public Jurisdiction registerJurisdiction(Caller caller, Jurisdiction j) {
        if (!caller.isSystem() && !caller.has(cn.supervision.api.security.Role.CITY_ADMIN)) {
            throw SupervisionException.forbidden("只有市级管理员可以登记行政区划");
        }
        List<FieldError> errors = new ArrayList<>();
        if (j == null || j.code() == null || !j.code().matches("[0-9A-Za-z]{6,12}")) {
            errors.add(new FieldError("code", "行政区划代码应为 6–12 位字母或数字"));
        }
        if (j == null || j.name() == null || j.name().isBlank() || j.name().length() > 100) {
            errors.add(new FieldError("name", "必须填写名称（不超过 100 个字符）"));
        }
        if (j == null || j.kind() == null) {
            errors.add(new FieldError("kind", "必须指定类型"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("行政区划信息无效", errors);
        }
        JurisdictionTree t = tree;
        Jurisdiction existing = t.get(j.code());
        if (existing != null) {
            if (!existing.name().equals(j.name().trim()) || !java.util.Objects.equals(existing.parentCode(), j.parentCode())) {
                throw SupervisionException.conflict("行政区划 " + j.code() + " 已登记为“" + existing.name() + "”（上级 "
                        + existing.parentCode() + "），与提交的不一致");
            }
            return existing;
        }
        if (j.parentCode() == null) {
            if (!caller.isSystem() || t.all().stream().anyMatch(x -> x.parentCode() == null)) {
                throw SupervisionException.conflict("平台已有顶级行政区划，新的行政区划必须登记在其下级");
            }
        } else {
            authority().require(caller, Operation.ADMINISTER_REGISTRY, j.parentCode());
        }
        Jurisdiction clean = new Jurisdiction(j.code(), j.name().trim(), j.kind(), j.parentCode(), j.localCode());
        jpa.tx(TransactionType.Required, em -> em.persist(new JurisdictionEntity(clean)));
        reloadTree();
        LOG.info("Jurisdiction {} {} registered by {}", clean.code(), clean.name(), caller.username());
        return clean;
    }

    // ------------------------------------------------------------------ units: reading

    @Override
    public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
        Access a = authority();
        a.require(caller, Operation.READ_REGISTRY, jurisdictionCode);
        List<UnitEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            String q = "select u from UnitEntity u where u.jurisdictionCode = :j"
                    + (includeInactive ? "" : " and u.status = :active") + " order by u.id";
            var query = em.createQuery(q, UnitEntity.class).setParameter("j", jurisdictionCode);
            if (!includeInactive) {
                query.setParameter("active", UnitStatus.ACTIVE);
            }
            return query.getResultList();
        });
        List<Unit> out = new ArrayList<>(rows.size());
        for (UnitEntity e : rows) {
            Unit u = toUnit(e);
            if (a.may(caller, Operation.READ_REGISTRY, targetOf(u))) {
                out.add(u);
            }
        }
        return out;
    }

    @Override
    public Unit getUnit(Caller caller, long unitId) {
        Access a = authority();
        Unit u = jpa.txExpr(TransactionType.Supports, em -> toUnit(find(em, unitId)));
        requireSee(a, caller, u);
        return u;
    }

    @Override
    public List<UnitRevision> history(Caller caller, long unitId) {
        getUnit(caller, unitId);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r from UnitRevisionEntity r where r.unitId = :u order by r.revision", UnitRevisionEntity.class)
                .setParameter("u", unitId).getResultList().stream()
                .map(r -> new UnitRevision(r.getRevision(), r.getChange(), r.getStatus(), r.getReason(),
                        r.getSuccessorUnitId(), r.getChangedBy(), Instant.ofEpochMilli(r.getChangedAt()),
                        fromJson(r.getSnapshotJson(), Unit.class)))
                .toList());
    }

    // ------------------------------------------------------------------ units: writing

    @Override
    public Unit createUnit(Caller caller, String jurisdictionCode, UnitDraft draft) {
        authority().require(caller, Operation.ADMINISTER_REGISTRY, jurisdictionCode);
        UnitDraft d = checked(draft, "");
        return write(() -> jpa.txExpr(TransactionType.Required, em -> {
            if (findByCode(em, jurisdictionCode, d.code()) != null) {
                throw duplicateCode(d.code(), "code");
            }
            UnitEntity e = new UnitEntity();
            e.setJurisdictionCode(jurisdictionCode);
            e.setStatus(UnitStatus.ACTIVE);
            e.setCreatedAt(clock.millis());
            e.setCreatedBy(caller.username());
            apply(em, e, d, resolveParent(em, jurisdictionCode, d, null, Map.of(), "parentUnitId"), caller);
            em.persist(e);
            em.flush();
            ledger.record(em, List.of(e), Map.of(e.getId(), "mandate"), Map.of(e.getId(), d.mandate()), true);
            return recordRevision(em, e, UnitChange.CREATED, null, null);
        }));
    }

    @Override
    public Unit updateUnit(Caller caller, long unitId, UnitDraft draft) {
        return updateUnit(caller, unitId, draft, null);
    }

    @Override
    public Unit updateUnit(Caller caller, long unitId, UnitDraft draft, String reason) {
        Access a = authority();
        UnitDraft d = checked(draft, "");
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (why != null && why.length() > MAX_REASON) {
            throw SupervisionException.invalid("reason", "长度不能超过 " + MAX_REASON + " 个字符");
        }
        return write(() -> jpa.txExpr(TransactionType.Required, em -> {
            UnitEntity e = find(em, unitId);
            requireSee(a, caller, toUnit(e));
            a.require(caller, Operation.ADMINISTER_REGISTRY, e.getJurisdictionCode());
            if (e.getStatus() != UnitStatus.ACTIVE) {
                throw SupervisionException.conflict("单位状态为“" + e.getStatus().label() + "”，不能修改；请先恢复为存续状态");
            }
            if (!e.getCode().equals(d.code())) {
                UnitEntity clash = findByCode(em, e.getJurisdictionCode(), d.code());
                if (clash != null) {
                    throw duplicateCode(d.code(), "code");
                }
            }
            Long parent = resolveParent(em, e.getJurisdictionCode(), d, unitId, Map.of(), "parentUnitId");
            if (sameContent(e, d, parent)) {
                return toUnit(e);
            }
            apply(em, e, d, parent, caller);
            ledger.record(em, List.of(e), Map.of(e.getId(), "mandate"), Map.of(e.getId(), d.mandate()), true);
            return recordRevision(em, e, UnitChange.UPDATED, why, null);
        }));
    }

    @Override
    public Unit changeStatus(Caller caller, long unitId, StatusCommand command) {
        Access a = authority();
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.status() == null) {
            errors.add(new FieldError("status", "必填（ACTIVE、MERGED、ABOLISHED）"));
        }
        String reason = command == null || command.reason() == null ? "" : command.reason().trim();
        if (reason.isEmpty()) {
            errors.add(new FieldError("reason", "必须说明变更理由"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "长度不能超过 " + MAX_REASON + " 个字符"));
        }
        if (command != null && command.status() == UnitStatus.MERGED && command.successorUnitId() == null) {
            errors.add(new FieldError("successorUnitId", "合并时必须指定并入的单位"));
        }
        if (command != null && command.status() != UnitStatus.MERGED && command.successorUnitId() != null) {
            errors.add(new FieldError("successorUnitId", "只有合并时才能指定并入的单位"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("状态变更请求无效", errors);
        }
        return write(() -> jpa.txExpr(TransactionType.Required, em -> {
            UnitEntity e = find(em, unitId);
            requireSee(a, caller, toUnit(e));
            a.require(caller, Operation.ADMINISTER_REGISTRY, e.getJurisdictionCode());
            if (e.getStatus() == command.status()) {
                throw SupervisionException.conflict("单位已经是“" + e.getStatus().label() + "”状态");
            }
            if (command.successorUnitId() != null) {
                UnitEntity successor = em.find(UnitEntity.class, command.successorUnitId());
                if (successor == null || successor.getId() == unitId || successor.getStatus() != UnitStatus.ACTIVE
                        || !a.may(caller, Operation.READ_REGISTRY, successor.getJurisdictionCode())) {
                    throw SupervisionException.invalid("successorUnitId", "并入的单位必须是当前用户可见的另一个存续单位");
                }
            }
            e.setStatus(command.status());
            e.setRevision(e.getRevision() + 1);
            e.setUpdatedAt(clock.millis());
            e.setUpdatedBy(caller.username());
            return recordRevision(em, e, UnitChange.STATUS_CHANGED, reason, command.successorUnitId());
        }));
    }

    @Override
    public ImportResult importUnits(Caller caller, String jurisdictionCode, List<UnitDraft> drafts, ImportMode mode) {
        authority().require(caller, Operation.ADMINISTER_REGISTRY, jurisdictionCode);
        if (drafts == null || drafts.isEmpty()) {
            throw SupervisionException.invalid("rows", "没有可导入的单位");
        }
        if (drafts.size() > MAX_IMPORT_ROWS) {
            throw SupervisionException.invalid("rows", "一次最多导入 " + MAX_IMPORT_ROWS + " 个单位");
        }
        List<FieldError> errors = new ArrayList<>();
        List<UnitDraft> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String prefix = "rows[" + i + "]";
            List<FieldError> rowErrors = UnitValidator.validate(drafts.get(i), prefix);
            if (rowErrors.isEmpty()) {
                UnitDraft d = UnitValidator.normalize(drafts.get(i));
                if (!codes.add(d.code())) {
                    rowErrors.add(new FieldError(prefix + ".code", "编码 " + d.code() + " 在导入数据中重复"));
                }
                if (d.parentUnitId() != null) {
                    rowErrors.add(new FieldError(prefix + ".parentUnitCode", "批量导入时请用上级单位编码指定上级单位"));
                }
                rows.add(d);
            }
            errors.addAll(rowErrors);
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("导入数据有 " + errors.size() + " 处错误，未导入任何单位", errors);
        }
        ImportMode m = mode == null ? ImportMode.UPSERT : mode;
        return write(() -> jpa.txExpr(TransactionType.Required, em -> importRows(em, caller, jurisdictionCode, rows, m)));
    }

    private ImportResult importRows(EntityManager em, Caller caller, String jurisdictionCode, List<UnitDraft> rows,
                                    ImportMode mode) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowOf.put(rows.get(i).code(), i);
        }
        Map<String, UnitEntity> byCode = new HashMap<>();
        for (UnitEntity e : em.createQuery("select u from UnitEntity u where u.jurisdictionCode = :j", UnitEntity.class)
                .setParameter("j", jurisdictionCode).getResultList()) {
            byCode.put(e.getCode(), e);
        }
        // first pass: every row gets an entity (and so an id) so that parents may be given in any order
        Map<String, UnitEntity> targets = new HashMap<>();
        List<UnitDraft> toWrite = new ArrayList<>();
        for (UnitDraft d : rows) {
            UnitEntity e = byCode.get(d.code());
            if (e == null) {
                e = new UnitEntity();
                e.setJurisdictionCode(jurisdictionCode);
                e.setStatus(UnitStatus.ACTIVE);
                e.setCreatedAt(clock.millis());
                e.setCreatedBy(caller.username());
                e.setCode(d.code());
                e.setName(d.name());
                e.setKind(d.kind());
                e.setMandateJson(toJson(Mandate.EMPTY));
                em.persist(e);
                created.add(d.code());
                toWrite.add(d);
            } else if (mode == ImportMode.CREATE_MISSING) {
                unchanged.add(d.code());
                continue;
            } else {
                if (e.getStatus() != UnitStatus.ACTIVE) {
                    throw SupervisionException.conflict("单位 " + d.code() + " 状态为“" + e.getStatus().label() + "”，不能通过导入修改");
                }
                toWrite.add(d);
            }
            targets.put(d.code(), e);
            byCode.put(d.code(), e);
        }
        em.flush();
        Map<String, Long> idsByCode = new HashMap<>();
        byCode.forEach((code, e) -> idsByCode.put(code, e.getId()));
        List<FieldError> errors = new ArrayList<>();
        List<UnitEntity> written = new ArrayList<>();
        Map<Long, String> fields = new HashMap<>();
        Map<Long, Mandate> mandates = new HashMap<>();
        for (UnitDraft d : toWrite) {
            UnitEntity e = targets.get(d.code());
            Long parent;
            try {
                parent = resolveParent(em, jurisdictionCode, d, e.getId(), idsByCode, "parentUnitCode of " + d.code());
            } catch (SupervisionException ex) {
                errors.addAll(ex.errors());
                continue;
            }
            boolean isNew = created.contains(d.code());
            if (!isNew && sameContent(e, d, parent)) {
                unchanged.add(d.code());
                continue;
            }
            apply(em, e, d, parent, caller);
            if (!isNew) {
                updated.add(d.code());
            }
            written.add(e);
            fields.put(e.getId(), "rows[" + rowOf.get(d.code()) + "].mandate");
            mandates.put(e.getId(), d.mandate());
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("导入数据有 " + errors.size() + " 处错误，未导入任何单位", errors);
        }
        ledger.record(em, written, fields, mandates, true);
        for (UnitEntity e : written) {
            boolean isNew = created.contains(e.getCode());
            recordRevision(em, e, isNew ? UnitChange.CREATED : UnitChange.IMPORTED, isNew ? "导入" : null, null);
        }
        return new ImportResult(jurisdictionCode, created, updated, unchanged);
    }

    // ------------------------------------------------------------------ helpers

    private UnitDraft checked(UnitDraft draft, String prefix) {
        List<FieldError> errors = UnitValidator.validate(draft, prefix);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("单位信息有 " + errors.size() + " 处错误", errors);
        }
        return UnitValidator.normalize(draft);
    }

    private static SupervisionException duplicateCode(String code, String field) {
        return new SupervisionException(ProblemKind.CONFLICT, "状态冲突", "编码 " + code + " 已被本行政区划的其他单位使用",
                List.of(new FieldError(field, "编码已存在")));
    }

    /** Maps a unique-key race lost to a concurrent writer onto 409 instead of a server error. */
    private <T> T write(Supplier<T> work) {
        try {
            return work.get();
        } catch (EntityExistsException | RollbackException e) {
            Throwable t = e;
            while (t != null && !(t instanceof EntityExistsException)) {
                t = t.getCause();
            }
            if (t == null) {
                throw e;
            }
            throw SupervisionException.conflict("与并发的修改冲突（编码重复），请刷新后重试");
        }
    }

    private static UnitEntity find(EntityManager em, long id) {
        UnitEntity e = em.find(UnitEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("单位 " + id + " 不存在");
        }
        return e;
    }

    private static UnitEntity findByCode(EntityManager em, String jurisdictionCode, String code) {
        List<UnitEntity> found = em.createQuery(
                        "select u from UnitEntity u where u.jurisdictionCode = :j and u.code = :c", UnitEntity.class)
                .setParameter("j", jurisdictionCode).setParameter("c", code).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The parent's id; it must be a unit of the same jurisdiction and must not make a cycle. */
    private Long resolveParent(EntityManager em, String jurisdictionCode, UnitDraft d, Long self,
                               Map<String, Long> idsByCode, String field) {
        Long parentId = d.parentUnitId();
        if (d.parentUnitCode() != null) {
            parentId = idsByCode.get(d.parentUnitCode());
            if (parentId == null) {
                UnitEntity p = findByCode(em, jurisdictionCode, d.parentUnitCode());
                if (p == null) {
                    throw SupervisionException.invalid(field, "上级单位编码 " + d.parentUnitCode() + " 在本行政区划中不存在");
                }
                parentId = p.getId();
            }
        }
        if (parentId == null) {
            return null;
        }
        Long cursor = parentId;
        for (int depth = 0; cursor != null; depth++) {
            if (cursor.equals(self) || depth > 32) {
                throw SupervisionException.invalid(field, "上级单位不能是本单位或其下级单位");
            }
            UnitEntity p = em.find(UnitEntity.class, cursor);
            if (p == null || !p.getJurisdictionCode().equals(jurisdictionCode)) {
                throw SupervisionException.invalid(field, "上级单位 " + cursor + " 不是本行政区划的单位");
            }
            cursor = p.getParentUnitId();
        }
        return parentId;
    }

    private boolean sameContent(UnitEntity e, UnitDraft d, Long parent) {
        return e.getCode().equals(d.code()) && e.getName().equals(d.name())
                && Objects.equals(e.getShortName(), d.shortName()) && e.getKind() == d.kind()
                && Objects.equals(e.getParentUnitId(), parent)
                && DutyLedger.sameDuties(fromJson(e.getMandateJson(), Mandate.class), d.mandate());
    }

    private void apply(EntityManager em, UnitEntity e, UnitDraft d, Long parent, Caller caller) {
        e.setCode(d.code());
        e.setName(d.name());
        e.setShortName(d.shortName());
        e.setKind(d.kind());
        e.setParentUnitId(parent);
        e.setMandateJson(toJson(d.mandate()));
        e.setRevision(e.getRevision() + 1);
        e.setUpdatedAt(clock.millis());
        e.setUpdatedBy(caller.username());
    }

    private Unit recordRevision(EntityManager em, UnitEntity e, UnitChange change, String reason, Long successor) {
        Unit u = toUnit(e);
        em.persist(new UnitRevisionEntity(e.getId(), e.getRevision(), change, e.getStatus(), reason, successor,
                e.getUpdatedBy(), e.getUpdatedAt(), toJson(u)));
        return u;
    }

    private Unit toUnit(UnitEntity e) {
        return new Unit(e.getId(), e.getCode(), e.getName(), e.getShortName(), e.getKind(), e.getJurisdictionCode(),
                e.getParentUnitId(), e.getStatus(), fromJson(e.getMandateJson(), Mandate.class), e.getRevision(),
                Instant.ofEpochMilli(e.getCreatedAt()), e.getCreatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()), e.getUpdatedBy());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }
}
