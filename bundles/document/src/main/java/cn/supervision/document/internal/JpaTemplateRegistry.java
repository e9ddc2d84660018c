package cn.supervision.document.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.mustachejava.Mustache;

import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.TemplateCatalog;
import cn.supervision.api.document.TemplateInForce;
import cn.supervision.api.document.TemplateRegistry;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.document.internal.model.TemplateEntity;

/**
 * The templates installed by contribution bundles, per jurisdiction, and the resolution a document uses: the
 * jurisdiction's own template of the kind, else the nearest superior's, else the built-in one; office.json only from
 * the jurisdiction itself (a county is never issued under the city's name), else derived from its name.
 */
public class JpaTemplateRegistry implements TemplateRegistry, TemplateCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(JpaTemplateRegistry.class);
    static final String BUILTIN = "builtin";
    private static final Caller SYSTEM = Caller.system("document-templates");

    /** A template in force: where it comes from and its compiled form. */
    record Template(DocumentKind kind, String source, String sourceJurisdiction, String sha256, long installedAt,
                    Mustache mustache) {
    }

    /** What one jurisdiction's documents are rendered with. */
    record Resolved(Jurisdiction jurisdiction, OfficeProfile office, Map<DocumentKind, Template> templates) {
    }

    /**
     * The state of SUP_DOCUMENT_TEMPLATE a resolution was read at: how many rows, how many of them retired. Rows are
     * only added and retired, never deleted or brought back, so every install or retirement on any node changes it
     * (whatever order concurrent installs commit in, unlike the newest id).
     */
    record Generation(long rows, long retired) {
    }

    private record Cached(Generation generation, Resolved resolved) {
    }

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final Clock clock;
    private final Templates templates = new Templates();
    private final Map<DocumentKind, Template> builtin = new EnumMap<>(DocumentKind.class);
    private final Map<String, Cached> resolved = new ConcurrentHashMap<>();

    public JpaTemplateRegistry(JpaTemplate jpa, RegistryService registry) {
        this(jpa, registry, Clock.systemDefaultZone());
    }

    JpaTemplateRegistry(JpaTemplate jpa, RegistryService registry, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.clock = clock;
        for (DocumentKind kind : DocumentKind.values()) {
            String text = templates.builtin(kind);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            List<String> problems = templates.problems(kind, kind.templateFile(), bytes);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("built-in template broken: " + problems);
            }
            String sha = sha256(bytes);
            builtin.put(kind, new Template(kind, BUILTIN, null, sha, 0, templates.compile(sha, text)));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static DocumentKind kindOf(String path) {
        for (DocumentKind kind : DocumentKind.values()) {
            if (kind.templateFile().equals(path)) {
                return kind;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ SPI of the contribution bundle

    @Override
    public List<String> validate(String path, byte[] content) {
        try {
            if (OfficeProfile.FILE.equals(path)) {
                return OfficeProfile.problems(content).stream().map(p -> "模板 " + path + "：" + p).toList();
            }
            DocumentKind kind = kindOf(path);
            if (kind == null) {
                List<String> files = new ArrayList<>(List.of(OfficeProfile.FILE));
                for (DocumentKind k : DocumentKind.values()) {
                    files.add(k.templateFile());
                }
                return List.of("模板 " + path + "：不支持的模板文件（templates/ 下只接受 " + String.join("、", files) + "）");
            }
            return templates.problems(kind, path, content);
        } catch (RuntimeException e) {
            LOG.warn("validating template {} failed", path, e);
            return List.of("模板 " + path + "：无法检查（" + e + "）");
        }
    }

    @Override
    public void install(String jurisdictionCode, String source, Map<String, byte[]> files) {
        if (jurisdictionCode == null || source == null || source.isBlank() || files == null) {
            throw SupervisionException.invalid("templates", "安装模板需要行政区划、来源和文件");
        }
        List<FieldError> errors = new ArrayList<>();
        files.forEach((path, content) -> validate(path, content).forEach(p -> errors.add(new FieldError("templates/" + path, p))));
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("模板不可用", errors);
        }
        long now = clock.millis();
        jpa.tx(TransactionType.Required, em -> {
            for (TemplateEntity t : active(em, jurisdictionCode)) {
                if (t.getSource().equals(source) || files.containsKey(t.getPath())) {
                    t.setRetiredAt(now);
                }
            }
            files.forEach((path, content) -> {
                TemplateEntity t = new TemplateEntity();
                t.setJurisdictionCode(jurisdictionCode);
                t.setPath(path);
                t.setSource(source);
                t.setContent(content.clone());
                t.setSha256(sha256(content));
                t.setInstalledAt(now);
                em.persist(t);
            });
        });
        resolved.clear();
        LOG.info("templates {} of {} installed for {}", files.keySet(), source, jurisdictionCode);
    }

    @Override
    public void retire(String jurisdictionCode, String source) {
        long now = clock.millis();
        int n = jpa.txExpr(TransactionType.Required, em -> {
            int count = 0;
            for (TemplateEntity t : active(em, jurisdictionCode)) {
                if (t.getSource().equals(source)) {
                    t.setRetiredAt(now);
                    count++;
                }
            }
            return count;
        });
        resolved.clear();
        if (n > 0) {
            LOG.info("{} templates of {} retired for {}", n, source, jurisdictionCode);
        }
    }

    private static List<TemplateEntity> active(javax.persistence.EntityManager em, String jurisdictionCode) {
        return em.createQuery("select t from TemplateEntity t where t.jurisdictionCode = :j and t.retiredAt is null"
                + " order by t.id", TemplateEntity.class).setParameter("j", jurisdictionCode).getResultList();
    }

    // ------------------------------------------------------------------ resolution

    Template builtinTemplate(DocumentKind kind) {
        return builtin.get(kind);
    }

    /**
     * The resolution in memory while the templates table is as it was read, else read again: another node may have
     * installed or retired templates (a contribution bundle processed there). One count query per call; the generation
     * is read before the templates, so a resolution that raced a change is stored under the older generation and
     * read again by the next call.
     */
    Resolved resolve(String jurisdictionCode) {
        Generation now = generation();
        Cached c = resolved.get(jurisdictionCode);
        if (c != null && c.generation().equals(now)) {
            return c.resolved();
        }
        Resolved r = load(jurisdictionCode);
        resolved.put(jurisdictionCode, new Cached(now, r));
        return r;
    }

    private Generation generation() {
        Object[] row = jpa.txExpr(TransactionType.Supports, em -> (Object[]) em.createQuery(
                "select count(t), count(t.retiredAt) from TemplateEntity t").getSingleResult());
        return new Generation(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private Resolved load(String jurisdictionCode) {
        Jurisdiction own = registry.getJurisdiction(SYSTEM, jurisdictionCode);
        if (own == null) {
            throw SupervisionException.notFound("行政区划 " + jurisdictionCode + " 不存在");
        }
        List<Jurisdiction> chain = new ArrayList<>();
        for (Jurisdiction j = own; j != null && chain.size() < 10; ) {
            chain.add(j);
            j = j.parentCode() == null ? null : registry.getJurisdiction(SYSTEM, j.parentCode());
        }
        Map<DocumentKind, Template> found = new EnumMap<>(DocumentKind.class);
        OfficeProfile office = null;
        for (Jurisdiction j : chain) {
            List<TemplateEntity> rows = jpa.txExpr(TransactionType.Supports, em -> active(em, j.code()));
            for (TemplateEntity t : rows) {
                if (OfficeProfile.FILE.equals(t.getPath())) {
                    if (j == own) {
                        office = OfficeProfile.read(t.getContent(), t.getSource(), j.code(), t.getSha256(), t.getInstalledAt());
                    }
                    continue;
                }
                DocumentKind kind = kindOf(t.getPath());
                if (kind != null && !found.containsKey(kind)) {
                    String text = new String(t.getContent(), StandardCharsets.UTF_8);
                    found.put(kind, new Template(kind, t.getSource(), j.code(), t.getSha256(), t.getInstalledAt(),
                            templates.compile(t.getSha256(), text)));
                }
            }
        }
        for (DocumentKind kind : DocumentKind.values()) {
            found.putIfAbsent(kind, builtin.get(kind));
        }
        return new Resolved(own, office == null ? OfficeProfile.derived(own) : office, found);
    }

    @Override
    public List<TemplateInForce> inForce(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.READ_CONTRIBUTIONS, jurisdictionCode);
        Resolved r = resolve(jurisdictionCode);
        List<TemplateInForce> out = new ArrayList<>();
        OfficeProfile o = r.office();
        out.add(new TemplateInForce(null, OfficeProfile.FILE, o.source(), o.sourceJurisdiction(), o.sha256(),
                o.installedAt() == 0 ? null : Instant.ofEpochMilli(o.installedAt())));
        for (DocumentKind kind : DocumentKind.values()) {
            Template t = r.templates().get(kind);
            out.add(new TemplateInForce(kind, kind.templateFile(), t.source(), t.sourceJurisdiction(), t.sha256(),
                    t.installedAt() == 0 ? null : Instant.ofEpochMilli(t.installedAt())));
        }
        return out;
    }
}
