package cn.supervision.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.supervision.api.platform.Metric;
import cn.supervision.api.platform.MetricAggregation;
import cn.supervision.api.platform.SourceMapping;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.platform.internal.model.MappingEntity;
import cn.supervision.platform.internal.model.MetricEntity;

/** A jurisdiction's metric definitions and the table mapping a source system's department names to units. */
final class Catalogue {
    private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Clock clock;

    Catalogue(JpaTemplate jpa, RegistryService registry, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.clock = clock;
    }

    List<Metric> metrics(String jurisdictionCode) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select m from MetricEntity m where m.jurisdictionCode = :j order by m.code", MetricEntity.class)
                .setParameter("j", jurisdictionCode).getResultList().stream().map(Catalogue::toValue).toList());
    }

    Metric saveMetric(String username, String jurisdictionCode, Metric m) {
        List<FieldError> errors = new ArrayList<>();
        if (m == null || m.code() == null || !METRIC.matcher(m.code()).matches()) {
            throw SupervisionException.invalid("code", "指标代码必填（字母、数字、._-，不超过 64 个字符）");
        }
        if (m.name() == null || m.name().isBlank() || m.name().length() > 100) {
            errors.add(new FieldError("name", "名称必填，不超过 100 个字符"));
        }
        if (m.unitOfMeasure() != null && m.unitOfMeasure().length() > 20) {
            errors.add(new FieldError("unitOfMeasure", "计量单位不超过 20 个字符"));
        }
        if (m.sourceSystem() == null || !RowRules.ID.matcher(m.sourceSystem()).matches()) {
            errors.add(new FieldError("sourceSystem", "来源系统代码必填（字母、数字、._:-，不超过 64 个字符）"));
        }
        if (m.aggregation() == null) {
            errors.add(new FieldError("aggregation", "汇总方式必须是 SUM、MEAN、MIN、MAX 或 COUNT"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("指标定义有 " + errors.size() + " 处问题", errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            MetricEntity e = metric(em, jurisdictionCode, m.code());
            boolean created = e == null;
            if (created) {
                e = new MetricEntity(jurisdictionCode, m.code());
            }
            e.define(m.name().trim(), m.unitOfMeasure(), m.sourceSystem(), m.aggregation().name(), username, clock.millis());
            if (created) {
                em.persist(e);
            }
            return toValue(e);
        });
    }

    static MetricEntity metric(EntityManager em, String jurisdictionCode, String code) {
        List<MetricEntity> found = em.createQuery("select m from MetricEntity m where m.jurisdictionCode = :j and m.code = :c",
                MetricEntity.class).setParameter("j", jurisdictionCode).setParameter("c", code).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static MetricEntity requireMetric(EntityManager em, String jurisdictionCode, String code) {
        MetricEntity m = code == null ? null : metric(em, jurisdictionCode, code);
        if (m == null) {
            throw SupervisionException.notFound("行政区划 " + jurisdictionCode + " 没有指标 " + code);
        }
        return m;
    }

    List<SourceMapping> mappings(String jurisdictionCode, String sourceSystem) {
        Map<Long, String> names = unitNames(jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j"
                        + " order by m.sourceSystem, m.sourceKey", MappingEntity.class).setParameter("j", jurisdictionCode).getResultList())
                .stream().filter(m -> sourceSystem == null || m.getSourceSystem().equals(sourceSystem))
                .map(m -> new SourceMapping(jurisdictionCode, m.getSourceSystem(), m.getSourceKey(), m.getUnitId(), names.get(m.getUnitId())))
                .toList();
    }

    void saveMappings(String username, String jurisdictionCode, List<SourceMapping> mappings) {
        if (mappings == null || mappings.isEmpty()) {
            throw SupervisionException.invalid("mappings", "映射不能为空");
        }
        Map<Long, String> names = unitNames(jurisdictionCode);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            SourceMapping m = mappings.get(i);
            String at = "mappings[" + i + "]";
            if (m == null || m.sourceSystem() == null || !RowRules.ID.matcher(m.sourceSystem()).matches()) {
                errors.add(new FieldError(at + ".sourceSystem", "来源系统代码必填"));
            } else if (m.sourceKey() == null || m.sourceKey().isBlank() || m.sourceKey().length() > 100) {
                errors.add(new FieldError(at + ".sourceKey", "来源系统中的部门名称或代码必填，不超过 100 个字符"));
            } else if (!names.containsKey(m.unitId())) {
                errors.add(new FieldError(at + ".unitId", "单位 " + m.unitId() + " 不属于行政区划 " + jurisdictionCode));
            } else if (!seen.add(m.sourceSystem() + "\u0000" + m.sourceKey().trim())) {
                errors.add(new FieldError(at + ".sourceKey", "映射重复"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("映射有 " + errors.size() + " 处问题", errors);
        }
        jpa.tx(TransactionType.Required, em -> {
            for (SourceMapping m : mappings) {
                List<MappingEntity> found = em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j"
                                + " and m.sourceSystem = :s and m.sourceKey = :k", MappingEntity.class)
                        .setParameter("j", jurisdictionCode).setParameter("s", m.sourceSystem()).setParameter("k", m.sourceKey().trim())
                        .getResultList();
                MappingEntity e = found.isEmpty() ? new MappingEntity(jurisdictionCode, m.sourceSystem(), m.sourceKey().trim()) : found.get(0);
                e.map(m.unitId(), username, clock.millis());
                if (found.isEmpty()) {
                    em.persist(e);
                }
            }
        });
    }

    /** Metric ids by code, for checking a batch's rows. */
    Map<String, Long> metricIds(EntityManager em, String jurisdictionCode) {
        Map<String, Long> ids = new HashMap<>();
        em.createQuery("select m from MetricEntity m where m.jurisdictionCode = :j", MetricEntity.class)
                .setParameter("j", jurisdictionCode).getResultList().forEach(m -> ids.put(m.getCode(), m.getId()));
        return ids;
    }

    /** Unit ids by the keys a source's rows may name them with: the mapped names first, then the units' own codes. */
    Map<String, Long> unitKeys(EntityManager em, String jurisdictionCode, String sourceSystem) {
        Map<String, Long> keys = new HashMap<>();
        em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j and m.sourceSystem = :s", MappingEntity.class)
                .setParameter("j", jurisdictionCode).setParameter("s", sourceSystem).getResultList()
                .forEach(m -> keys.put(m.getSourceKey(), m.getUnitId()));
        registry.listUnits(Caller.system("platform-data"), jurisdictionCode, true).forEach(u -> keys.putIfAbsent(u.code(), u.id()));
        return keys;
    }

    private Map<Long, String> unitNames(String jurisdictionCode) {
        Map<Long, String> names = new HashMap<>();
        registry.listUnits(Caller.system("platform-data"), jurisdictionCode, true).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    static Metric toValue(MetricEntity e) {
        return new Metric(e.getJurisdictionCode(), e.getCode(), e.getName(), e.getUnitOfMeasure(), e.getSourceSystem(),
                MetricAggregation.valueOf(e.getAggregation()), Instant.ofEpochMilli(e.getUpdatedAt()), e.getUpdatedBy());
    }
}
