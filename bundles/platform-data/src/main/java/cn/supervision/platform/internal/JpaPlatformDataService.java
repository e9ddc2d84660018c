package cn.supervision.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.platform.Aggregate;
import cn.supervision.api.platform.Batch;
import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.CampaignFeedResult;
import cn.supervision.api.platform.DataRow;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.FeedRun;
import cn.supervision.api.platform.Metric;
import cn.supervision.api.platform.MetricAggregation;
import cn.supervision.api.platform.MetricBinding;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.platform.RowError;
import cn.supervision.api.platform.SourceMapping;
import cn.supervision.api.platform.StoredRow;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.platform.internal.model.BatchEntity;
import cn.supervision.platform.internal.model.MappingEntity;
import cn.supervision.platform.internal.model.MetricEntity;

/**
 * Platform data on OpenJPA, with the value table written and read through the transaction's JDBC connection: a batch of
 * 100 000 rows is a few prepared-statement batches, not 100 000 managed entities. A batch is one transaction, so an
 * acknowledged batch is durable (the database syncs its log at commit) and a batch cut off mid-way leaves nothing.
 */
public class JpaPlatformDataService implements PlatformDataService {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
    private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_UP);
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");
    private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu.M.d"));
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    static final int JDBC_BATCH = 5_000;

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final CampaignService campaigns;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile FeedScheduler scheduler;

    public JpaPlatformDataService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns) {
        this(jpa, registry, campaigns, Clock.systemUTC());
    }

    JpaPlatformDataService(JpaTemplate jpa, RegistryService registry, CampaignService campaigns, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** The scheduler that runs this service's feeds (set by the blueprint container). */
    public void setScheduler(FeedScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** EventAdmin services, if any (set by the blueprint container): an applied batch is posted for the warning rules. */
    private List<org.osgi.service.event.EventAdmin> eventAdmins = List.of();

    public void setEventAdmins(List<org.osgi.service.event.EventAdmin> eventAdmins) {
        this.eventAdmins = eventAdmins;
    }

    /** Posts {@code cn/supervision/platform/BATCH_APPLIED} (asynchronously) for a batch that was stored. */
    private BatchReceipt announced(String jurisdictionCode, BatchReceipt receipt) {
        if (receipt.status() == BatchStatus.APPLIED) {
            for (org.osgi.service.event.EventAdmin admin : List.copyOf(eventAdmins)) {
                admin.postEvent(new org.osgi.service.event.Event("cn/supervision/platform/BATCH_APPLIED",
                        Map.of("jurisdictionCode", jurisdictionCode, "batchId", receipt.batchId())));
            }
        }
        return receipt;
    }

    // ------------------------------------------------------------------ authority

    private void requireWriter(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.SUBMIT_PLATFORM_DATA, jurisdictionCode);
    }

    private void requireOffice(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.MANAGE_PLATFORM_DATA, jurisdictionCode);
    }

    private void requireReader(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.READ_PLATFORM_DATA, jurisdictionCode);
    }

    // ------------------------------------------------------------------ metrics and mappings

    @Override
    public List<Metric> metrics(Caller caller, String jurisdictionCode) {
        requireReader(caller, jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select m from MetricEntity m where m.jurisdictionCode = :j order by m.code", MetricEntity.class)
                .setParameter("j", jurisdictionCode).getResultList().stream().map(JpaPlatformDataService::toValue).toList());
    }

    @Override
    public Metric saveMetric(Caller caller, String jurisdictionCode, Metric m) {
        requireOffice(caller, jurisdictionCode);
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
        if (m.sourceSystem() == null || !ID.matcher(m.sourceSystem()).matches()) {
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
            if (e == null) {
                e = new MetricEntity(jurisdictionCode, m.code());
                e.define(m.name().trim(), m.unitOfMeasure(), m.sourceSystem(), m.aggregation().name(), caller.username(), clock.millis());
                em.persist(e);
            } else {
                e.define(m.name().trim(), m.unitOfMeasure(), m.sourceSystem(), m.aggregation().name(), caller.username(), clock.millis());
            }
            return toValue(e);
        });
    }

    private static MetricEntity metric(EntityManager em, String jurisdictionCode, String code) {
        List<MetricEntity> found = em.createQuery("select m from MetricEntity m where m.jurisdictionCode = :j and m.code = :c",
                MetricEntity.class).setParameter("j", jurisdictionCode).setParameter("c", code).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public List<SourceMapping> mappings(Caller caller, String jurisdictionCode, String sourceSystem) {
        requireReader(caller, jurisdictionCode);
        Map<Long, String> names = unitNames(jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j"
                        + " order by m.sourceSystem, m.sourceKey", MappingEntity.class).setParameter("j", jurisdictionCode).getResultList())
                .stream().filter(m -> sourceSystem == null || m.getSourceSystem().equals(sourceSystem))
                .map(m -> new SourceMapping(jurisdictionCode, m.getSourceSystem(), m.getSourceKey(), m.getUnitId(), names.get(m.getUnitId())))
                .toList();
    }

    @Override
    public List<SourceMapping> saveMappings(Caller caller, String jurisdictionCode, List<SourceMapping> mappings) {
        requireOffice(caller, jurisdictionCode);
        if (mappings == null || mappings.isEmpty()) {
            throw SupervisionException.invalid("mappings", "映射不能为空");
        }
        Map<Long, String> names = unitNames(jurisdictionCode);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            SourceMapping m = mappings.get(i);
            String at = "mappings[" + i + "]";
            if (m == null || m.sourceSystem() == null || !ID.matcher(m.sourceSystem()).matches()) {
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
                e.map(m.unitId(), caller.username(), clock.millis());
                if (found.isEmpty()) {
                    em.persist(e);
                }
            }
        });
        return mappings(caller, jurisdictionCode, null);
    }

    private Map<Long, String> unitNames(String jurisdictionCode) {
        Map<Long, String> names = new HashMap<>();
        registry.listUnits(Caller.system("platform-data"), jurisdictionCode, true).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    // ------------------------------------------------------------------ ingestion

    @Override
    public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                               String format, InputStream content) {
        requireWriter(caller, jurisdictionCode);
        checkIds(sourceSystem, clientBatchId);
        // a replay is answered before the body is parsed
        BatchReceipt replay = replay(jurisdictionCode, clientBatchId);
        if (replay != null) {
            return replay;
        }
        List<DataRow> rows = RowReader.read(format, content, MAX_ROWS);
        checkRows(rows);
        return announced(jurisdictionCode, apply(caller, jurisdictionCode, sourceSystem, clientBatchId, channel, rows));
    }

    private static void checkIds(String sourceSystem, String clientBatchId) {
        if (clientBatchId == null || !ID.matcher(clientBatchId).matches()) {
            throw SupervisionException.invalid("clientBatchId", "批次号必填（字母、数字、._:-，不超过 64 个字符），重复提交同一批次号不会重复入库");
        }
        if (sourceSystem == null || !ID.matcher(sourceSystem).matches()) {
            throw SupervisionException.invalid("sourceSystem", "来源系统代码必填（字母、数字、._:-，不超过 64 个字符）");
        }
    }

    private BatchReceipt replay(String jurisdictionCode, String clientBatchId) {
        BatchEntity done = jpa.txExpr(TransactionType.Supports, em -> batch(em, jurisdictionCode, clientBatchId));
        return done == null ? null : new BatchReceipt(clientBatchId, done.getId(), BatchStatus.DUPLICATE, done.getRowCount(), 0, 0,
                List.of(), Instant.ofEpochMilli(done.getReceivedAt()), done.getReceivedBy());
    }

    /** A validated row, ready to store. */
    private record Clean(long metricId, long unitId, int day, String recordKey, BigDecimal value) { }

    @Override
    public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                               List<DataRow> rows) {
        requireWriter(caller, jurisdictionCode);
        checkIds(sourceSystem, clientBatchId);
        checkRows(rows);
        BatchReceipt replay = replay(jurisdictionCode, clientBatchId);
        if (replay != null) {
            return replay;
        }
        return announced(jurisdictionCode, apply(caller, jurisdictionCode, sourceSystem, clientBatchId, channel, rows));
    }

    private static void checkRows(List<DataRow> rows) {
        if (rows == null || rows.isEmpty()) {
            throw SupervisionException.invalid("rows", "批次没有数据行");
        }
        if (rows.size() > MAX_ROWS) {
            throw RowReader.tooMany(MAX_ROWS);
        }
    }

    /** Validates every row of a checked, new batch and stores it whole, or answers which rows are wrong. */
    private BatchReceipt apply(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                               List<DataRow> rows) {
        String via = channel == null ? "REST" : channel.substring(0, Math.min(40, channel.length()));
        Instant received = clock.instant();
        Map<String, Long> metricIds = new HashMap<>();
        Map<String, Long> keys = new HashMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            em.createQuery("select m from MetricEntity m where m.jurisdictionCode = :j", MetricEntity.class)
                    .setParameter("j", jurisdictionCode).getResultList().forEach(m -> metricIds.put(m.getCode(), m.getId()));
            em.createQuery("select m from MappingEntity m where m.jurisdictionCode = :j and m.sourceSystem = :s", MappingEntity.class)
                    .setParameter("j", jurisdictionCode).setParameter("s", sourceSystem).getResultList()
                    .forEach(m -> keys.put(m.getSourceKey(), m.getUnitId()));
        });
        for (Unit u : registry.listUnits(Caller.system("platform-data"), jurisdictionCode, true)) {
            keys.putIfAbsent(u.code(), u.id());
        }
        List<Clean> clean = new ArrayList<>(rows.size());
        List<RowError> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            int line = i + 1;
            DataRow r = rows.get(i);
            if (r == null) {
                rejected.add(new RowError(line, "row", "空行"));
                continue;
            }
            int before = rejected.size();
            Long metricId = r.metric() == null ? null : metricIds.get(r.metric().trim());
            if (metricId == null) {
                rejected.add(new RowError(line, "metric", r.metric() == null || r.metric().isBlank() ? "缺少指标代码" : "未定义的指标 " + r.metric()));
            }
            Long unitId = r.unit() == null ? null : keys.get(r.unit().trim());
            if (unitId == null) {
                rejected.add(new RowError(line, "unit", r.unit() == null || r.unit().isBlank() ? "缺少单位"
                        : "单位“" + r.unit() + "”既不是本行政区划的单位代码，也没有在来源系统 " + sourceSystem + " 的映射表中，请先维护映射"));
            }
            LocalDate date = day(r.date());
            if (date == null) {
                rejected.add(new RowError(line, "date", "日期“" + r.date() + "”无法识别（yyyy-MM-dd、yyyy/M/d、yyyyMMdd 或 yyyy-MM）"));
            }
            BigDecimal value = number(r.value());
            if (value == null) {
                rejected.add(new RowError(line, "value", "数值“" + r.value() + "”不是有效数字"));
            }
            String recordKey = r.recordId() == null ? "" : r.recordId().trim();
            if (recordKey.length() > 64) {
                rejected.add(new RowError(line, "recordId", "记录号不超过 64 个字符"));
            }
            if (rejected.size() == before) {
                int day = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
                if (!seen.add(metricId + "|" + unitId + "|" + day + "|" + recordKey)) {
                    rejected.add(new RowError(line, "row", "与本批次前面的行重复（同一指标、单位、日期和记录号）"));
                } else {
                    clean.add(new Clean(metricId, unitId, day, recordKey, value));
                }
            }
        }
        if (!rejected.isEmpty()) {
            return new BatchReceipt(clientBatchId, null, BatchStatus.REJECTED, rows.size(), clean.size(), 0, rejected, received,
                    caller.username());
        }
        byte[] archive = archive(rows);
        String sha = sha256(archive);
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                BatchEntity b = new BatchEntity(jurisdictionCode, clientBatchId, sourceSystem, via, clean.size(), sha, caller.username(),
                        received.toEpochMilli(), archive);
                em.persist(b);
                em.flush();
                int superseded;
                try {
                    superseded = store(em, b.getId(), clean);
                } catch (SQLException e) {
                    throw new IllegalStateException("批次写入失败：" + e.getMessage(), e);
                }
                b.setSuperseded(superseded);
                return new BatchReceipt(clientBatchId, b.getId(), BatchStatus.APPLIED, rows.size(), clean.size(), superseded, List.of(),
                        received, caller.username());
            });
        } catch (RuntimeException e) {
            // the same batch id applied concurrently by another request: that one won, this one is the replay
            BatchReceipt raced = replay(jurisdictionCode, clientBatchId);
            if (raced != null) {
                return raced;
            }
            throw e;
        }
    }

    /**
     * Writes the rows through the transaction's connection: updates first (a later batch supersedes a stored value of
     * the same key), then inserts for the keys not stored yet. Returns how many stored values were superseded.
     */
    private static int store(EntityManager em, long batchId, List<Clean> rows) throws SQLException {
        int superseded = 0;
        try (Connection c = em.unwrap(Connection.class); // OpenJPA's handle on the transaction's connection: close releases it
             PreparedStatement update = c.prepareStatement("UPDATE SV_PD_VALUE SET AMOUNT = ?, BATCHID = ?"
                + " WHERE METRICID = ? AND DAYKEY = ? AND UNITID = ? AND RECORDKEY = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO SV_PD_VALUE (METRICID, UNITID, DAYKEY, RECORDKEY, AMOUNT, BATCHID)"
                     + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < rows.size(); from += JDBC_BATCH) {
                List<Clean> chunk = rows.subList(from, Math.min(rows.size(), from + JDBC_BATCH));
                for (Clean r : chunk) {
                    update.setBigDecimal(1, r.value());
                    update.setLong(2, batchId);
                    update.setLong(3, r.metricId());
                    update.setInt(4, r.day());
                    update.setLong(5, r.unitId());
                    update.setString(6, r.recordKey());
                    update.addBatch();
                }
                int[] updated = update.executeBatch();
                int pending = 0;
                for (int i = 0; i < chunk.size(); i++) {
                    if (updated[i] > 0) {
                        superseded++;
                        continue;
                    }
                    Clean r = chunk.get(i);
                    insert.setLong(1, r.metricId());
                    insert.setLong(2, r.unitId());
                    insert.setInt(3, r.day());
                    insert.setString(4, r.recordKey());
                    insert.setBigDecimal(5, r.value());
                    insert.setLong(6, batchId);
                    insert.addBatch();
                    pending++;
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
        return superseded;
    }

    static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
            t = t.substring(0, 10); // a timestamp: its date
        }
        for (DateTimeFormatter f : DAYS) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeException e) {
                // next pattern
            }
        }
        java.util.regex.Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? LocalDate.of(Integer.parseInt(m.group(1)), month, 1) : null;
        }
        return null;
    }

    static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        boolean percent = t.endsWith("%");
        try {
            BigDecimal v = new BigDecimal(percent ? t.substring(0, t.length() - 1).trim() : t);
            if (v.abs().compareTo(LIMIT) >= 0) {
                return null;
            }
            return v.setScale(4, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private byte[] archive(List<DataRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 16);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16);
             JsonGenerator g = json.getFactory().createGenerator(gzip)) {
            g.writeStartArray();
            for (DataRow r : rows) {
                g.writeStartArray();
                g.writeString(r.metric());
                g.writeString(r.unit());
                g.writeString(r.date());
                g.writeString(r.value());
                g.writeString(r.recordId());
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<Batch> batches(Caller caller, String jurisdictionCode, int limit) {
        requireReader(caller, jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select b from BatchEntity b where b.jurisdictionCode = :j order by b.id desc", BatchEntity.class)
                .setParameter("j", jurisdictionCode).setMaxResults(Math.max(1, Math.min(limit, 1_000))).getResultList()
                .stream().map(JpaPlatformDataService::toValue).toList());
    }

    @Override
    public Batch batch(Caller caller, String jurisdictionCode, String clientBatchId) {
        requireReader(caller, jurisdictionCode);
        BatchEntity b = jpa.txExpr(TransactionType.Supports, em -> batch(em, jurisdictionCode, clientBatchId));
        if (b == null) {
            throw SupervisionException.notFound("行政区划 " + jurisdictionCode + " 没有批次 " + clientBatchId);
        }
        return toValue(b);
    }

    private static BatchEntity batch(EntityManager em, String jurisdictionCode, String clientBatchId) {
        List<BatchEntity> found = em.createQuery("select b from BatchEntity b where b.jurisdictionCode = :j and b.clientBatchId = :c",
                BatchEntity.class).setParameter("j", jurisdictionCode).setParameter("c", clientBatchId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** 94.0000 → 94, 100.0000 → 100 (not 1E+2), 96.5000 → 96.5. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static int dayKey(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private static LocalDate fromKey(int key) {
        return LocalDate.of(key / 10_000, key / 100 % 100, key % 100);
    }

    private MetricEntity requireMetric(EntityManager em, String jurisdictionCode, String code) {
        MetricEntity m = code == null ? null : metric(em, jurisdictionCode, code);
        if (m == null) {
            throw SupervisionException.notFound("行政区划 " + jurisdictionCode + " 没有指标 " + code);
        }
        return m;
    }

    @Override
    public List<StoredRow> rows(Caller caller, String jurisdictionCode, String metric, long unitId, LocalDate from, LocalDate to, int limit) {
        requireReader(caller, jurisdictionCode);
        return jpa.txExpr(TransactionType.Supports, em -> {
            MetricEntity m = requireMetric(em, jurisdictionCode, metric);
            List<StoredRow> out = new ArrayList<>();
            try (Connection c = em.unwrap(Connection.class);
                 PreparedStatement s = c.prepareStatement("SELECT DAYKEY, RECORDKEY, AMOUNT, BATCHID FROM SV_PD_VALUE"
                    + " WHERE METRICID = ? AND DAYKEY BETWEEN ? AND ? AND UNITID = ? ORDER BY DAYKEY DESC, RECORDKEY")) {
                s.setLong(1, m.getId());
                s.setInt(2, from == null ? 0 : dayKey(from));
                s.setInt(3, to == null ? 99_991_231 : dayKey(to));
                s.setLong(4, unitId);
                s.setMaxRows(Math.max(1, Math.min(limit, 10_000)));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new StoredRow(metric, unitId, fromKey(r.getInt(1)), r.getString(2).isEmpty() ? null : r.getString(2),
                                plain(r.getBigDecimal(3)), r.getLong(4)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    @Override
    public List<Aggregate> aggregate(Caller caller, String jurisdictionCode, String metric, LocalDate from, LocalDate to) {
        requireReader(caller, jurisdictionCode);
        if (from == null || to == null || from.isAfter(to)) {
            throw SupervisionException.invalid("from", "必须给出起止日期，且起始不晚于截止");
        }
        return jpa.txExpr(TransactionType.Supports, em -> aggregate(em, requireMetric(em, jurisdictionCode, metric), from, to));
    }

    /** Per unit and batch, one scan of the metric's days in range; combined per unit here. */
    private static List<Aggregate> aggregate(EntityManager em, MetricEntity m, LocalDate from, LocalDate to) {
        record Part(BigDecimal sum, long count, BigDecimal min, BigDecimal max, TreeSet<Long> batches) { }
        Map<Long, Part> parts = new java.util.TreeMap<>();
        try (Connection c = em.unwrap(Connection.class);
             PreparedStatement s = c.prepareStatement("SELECT UNITID, BATCHID, SUM(AMOUNT), COUNT(*), MIN(AMOUNT), MAX(AMOUNT)"
                     + " FROM SV_PD_VALUE WHERE METRICID = ? AND DAYKEY BETWEEN ? AND ? GROUP BY UNITID, BATCHID")) {
            s.setLong(1, m.getId());
            s.setInt(2, dayKey(from));
            s.setInt(3, dayKey(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long unit = r.getLong(1);
                    Part p = parts.get(unit);
                    TreeSet<Long> batches = p == null ? new TreeSet<>() : p.batches();
                    batches.add(r.getLong(2));
                    parts.put(unit, p == null ? new Part(r.getBigDecimal(3), r.getLong(4), r.getBigDecimal(5), r.getBigDecimal(6), batches)
                            : new Part(p.sum().add(r.getBigDecimal(3)), p.count() + r.getLong(4), p.min().min(r.getBigDecimal(5)),
                                    p.max().max(r.getBigDecimal(6)), batches));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        MetricAggregation how = MetricAggregation.valueOf(m.getAggregation());
        List<Aggregate> out = new ArrayList<>();
        parts.forEach((unit, p) -> {
            BigDecimal value = switch (how) {
                case SUM -> p.sum();
                case MEAN -> p.sum().divide(BigDecimal.valueOf(p.count()), PRECISION).setScale(4, RoundingMode.HALF_UP);
                case MIN -> p.min();
                case MAX -> p.max();
                case COUNT -> BigDecimal.valueOf(p.count());
            };
            out.add(new Aggregate(m.getCode(), unit, plain(value), p.count(), List.copyOf(p.batches())));
        });
        return out;
    }

    // ------------------------------------------------------------------ campaigns

    static LocalDate[] range(Period p) {
        return switch (p.type()) {
            case YEAR -> new LocalDate[] {LocalDate.of(p.year(), 1, 1), LocalDate.of(p.year(), 12, 31)};
            case QUARTER -> {
                LocalDate start = LocalDate.of(p.year(), (p.number() - 1) * 3 + 1, 1);
                yield new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
            }
            case MONTH -> {
                LocalDate start = LocalDate.of(p.year(), p.number(), 1);
                yield new LocalDate[] {start, start.plusMonths(1).minusDays(1)};
            }
        };
    }

    @Override
    public CampaignFeedResult applyToCampaign(Caller caller, long campaignId, List<MetricBinding> bindings) {
        Campaign c = campaigns.get(caller, campaignId);
        requireOffice(caller, c.jurisdictionCode());
        if (c.targetUnitIds() == null) {
            throw SupervisionException.conflict("监管活动尚未开始采集");
        }
        if (bindings == null || bindings.isEmpty()) {
            throw SupervisionException.invalid("bindings", "必须指定平台数据指标与监管指标的对应关系");
        }
        LocalDate[] range = range(c.period());
        Map<String, MetricEntity> metrics = new HashMap<>();
        Map<String, List<Aggregate>> aggregates = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (int i = 0; i < bindings.size(); i++) {
                MetricBinding b = bindings.get(i);
                if (b == null || b.metricCode() == null || b.indicatorCode() == null) {
                    errors.add(new FieldError("bindings[" + i + "]", "必须给出 metricCode 和 indicatorCode"));
                    continue;
                }
                MetricEntity m = metric(em, c.jurisdictionCode(), b.metricCode());
                if (m == null) {
                    errors.add(new FieldError("bindings[" + i + "].metricCode", "没有平台数据指标 " + b.metricCode()));
                    continue;
                }
                metrics.put(m.getCode(), m);
                aggregates.computeIfAbsent(m.getCode(), k -> aggregate(em, m, range[0], range[1]));
            }
        });
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("对应关系有 " + errors.size() + " 处问题", errors);
        }
        List<CampaignFeedResult.Recorded> recorded = new ArrayList<>();
        List<CampaignFeedResult.Missing> missing = new ArrayList<>();
        String period = range[0] + " 至 " + range[1];
        for (MetricBinding b : bindings) {
            MetricEntity m = metrics.get(b.metricCode());
            Map<Long, Aggregate> byUnit = new HashMap<>();
            aggregates.get(m.getCode()).forEach(a -> byUnit.put(a.unitId(), a));
            for (Long unit : c.targetUnitIds()) {
                Aggregate a = byUnit.get(unit);
                if (a == null) {
                    missing.add(new CampaignFeedResult.Missing(unit, b.indicatorCode(), b.metricCode(), period + " 没有该指标的数据"));
                    continue;
                }
                IndicatorInput input;
                if (b.asOccurrences()) {
                    BigDecimal v = a.value();
                    if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                        missing.add(new CampaignFeedResult.Missing(unit, b.indicatorCode(), b.metricCode(),
                                "汇总值 " + v.toPlainString() + " 不是非负整数，不能作为次数"));
                        continue;
                    }
                    input = new IndicatorInput(null, v.intValueExact(), null, null, null, provenance(m, a));
                } else {
                    input = new IndicatorInput(a.value(), null, null, null, null, provenance(m, a));
                }
                String explanation = "平台数据 " + m.getCode() + "（" + m.getName() + (m.getUnitOfMeasure() == null ? "" : "，" + m.getUnitOfMeasure())
                        + "，来源 " + m.getSourceSystem() + "）：" + period + " 共 " + a.rows() + " 行，按 " + label(MetricAggregation.valueOf(m.getAggregation()))
                        + "汇总 = " + a.value().toPlainString() + "；来源批次 " + a.batchIds();
                try {
                    InputRecord r = campaigns.recordInput(caller, campaignId, unit, b.indicatorCode(), input, InputSource.PLATFORM_DATA,
                            explanation.length() > 2_000 ? explanation.substring(0, 1_990) + "…" : explanation);
                    recorded.add(new CampaignFeedResult.Recorded(unit, b.indicatorCode(), m.getCode(), a.value(), a.rows(), a.batchIds(), r.id()));
                } catch (SupervisionException e) {
                    if (e.kind() == ProblemKind.CONFLICT) {
                        throw e;
                    }
                    missing.add(new CampaignFeedResult.Missing(unit, b.indicatorCode(), b.metricCode(), e.getMessage()));
                }
            }
        }
        return new CampaignFeedResult(campaignId, recorded, missing);
    }

    private static String provenance(MetricEntity m, Aggregate a) {
        String batches = a.batchIds().toString().replace(" ", "");
        String text = "platform-data:" + m.getCode() + " batches=" + batches;
        return text.length() > 500 ? text.substring(0, 495) + "…]" : text;
    }

    private static String label(MetricAggregation a) {
        return switch (a) {
            case SUM -> "合计";
            case MEAN -> "平均值";
            case MIN -> "最小值";
            case MAX -> "最大值";
            case COUNT -> "行数";
        };
    }

    // ------------------------------------------------------------------ feeds

    private FeedScheduler scheduler() {
        FeedScheduler s = scheduler;
        if (s == null) {
            throw new SupervisionException(ProblemKind.BUSY, "服务未就绪", "数据拉取调度尚未启动", null);
        }
        return s;
    }

    @Override
    public List<FeedDefinition> feeds(Caller caller) {
        return scheduler().shown().stream().filter(d -> visible(caller, d)).toList();
    }

    private boolean visible(Caller caller, FeedDefinition d) {
        if (caller.isSystem()) {
            return true;
        }
        try {
            requireReader(caller, d.jurisdictionCode());
            return true;
        } catch (SupervisionException e) {
            return false;
        }
    }

    @Override
    public FeedRun runFeed(Caller caller, String name) {
        FeedDefinition d = scheduler().definition(name);
        if (d == null || !visible(caller, d)) {
            throw SupervisionException.notFound("没有数据拉取任务 " + name);
        }
        requireWriter(caller, d.jurisdictionCode());
        return scheduler().runNow(d);
    }

    @Override
    public List<FeedRun> feedRuns(Caller caller, String name, int limit) {
        FeedDefinition d = scheduler().definition(name);
        if (d == null || !visible(caller, d)) {
            throw SupervisionException.notFound("没有数据拉取任务 " + name);
        }
        return scheduler().runs(name, limit);
    }

    // ------------------------------------------------------------------ values

    private static Metric toValue(MetricEntity e) {
        return new Metric(e.getJurisdictionCode(), e.getCode(), e.getName(), e.getUnitOfMeasure(), e.getSourceSystem(),
                MetricAggregation.valueOf(e.getAggregation()), Instant.ofEpochMilli(e.getUpdatedAt()), e.getUpdatedBy());
    }

    private static Batch toValue(BatchEntity b) {
        return new Batch(b.getId(), b.getJurisdictionCode(), b.getClientBatchId(), b.getSourceSystem(), b.getChannel(), b.getRowCount(),
                b.getSuperseded(), b.getSha256(), Instant.ofEpochMilli(b.getReceivedAt()), b.getReceivedBy());
    }
}
