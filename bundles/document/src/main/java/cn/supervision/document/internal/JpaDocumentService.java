package cn.supervision.document.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.DocumentKind;
import cn.supervision.api.document.DocumentRequest;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;
import cn.supervision.document.internal.JpaTemplateRegistry.Resolved;
import cn.supervision.document.internal.JpaTemplateRegistry.Template;
import cn.supervision.document.internal.model.DocumentContentEntity;
import cn.supervision.document.internal.model.DocumentEntity;
import cn.supervision.document.internal.model.DocumentNumberEntity;

/**
 * Renders a request's model with the template in force (see {@link JpaTemplateRegistry}) into XHTML, then PDF or
 * DOCX, and keeps it as the next immutable version with its SHA-256. Red-header kinds are numbered per jurisdiction,
 * kind and year at their first version ({@code 东编办发〔2026〕12号}); later versions of the same subject keep it.
 */
public class JpaDocumentService implements DocumentService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaDocumentService.class);
    static final Pattern SUBJECT = Pattern.compile("[a-z][a-z-]{0,30}:[A-Za-z0-9_.-]{1,64}(/[a-z][a-z-]{0,30}:[A-Za-z0-9_.-]{1,64}){0,3}");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final int MAX_TITLE = 200;
    static final int MAX_LIMIT = 10_000;
    static final int MAX_MODEL_TEXT = 4 * 1024 * 1024;
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JpaTemplate jpa;
    private final RegistryService registry;
    private final JpaTemplateRegistry templates;
    private final Clock clock;
    private volatile PdfRenderer pdf;
    private final DocxRenderer docx = new DocxRenderer();
    private volatile RendererWarmUp warmUp;

    public JpaDocumentService(JpaTemplate jpa, RegistryService registry, JpaTemplateRegistry templates) {
        this(jpa, registry, templates, Clock.systemDefaultZone());
    }

    JpaDocumentService(JpaTemplate jpa, RegistryService registry, JpaTemplateRegistry templates, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.templates = templates;
        this.clock = clock;
    }

    private PdfRenderer pdf() {
        PdfRenderer r = pdf;
        if (r == null) {
            synchronized (this) {
                if (pdf == null) {
                    pdf = new PdfRenderer();
                }
                r = pdf;
            }
        }
        return r;
    }

    /**
     * Blueprint init: loads the DOCX renderer's classes (xmlbeans' schema types) by rendering a sample, in the background
     * and {@link RendererWarmUp#AFTER_START after the boot}. Not the PDF renderer: it would parse the faces, over 100 MB
     * of heap that a platform rendering no PDF does not need (see {@link PdfRenderer}).
     */
    public void start() {
        warmUp = RendererWarmUp.after(RendererWarmUp.AFTER_START, () -> {
            Thread.currentThread().setContextClassLoader(JpaDocumentService.class.getClassLoader());
            long t0 = System.nanoTime();
            Template t = templates.builtinTemplate(DocumentKind.UNIT_REPORT);
            Map<String, Object> model = SampleModels.of(DocumentKind.UNIT_REPORT);
            render(DocumentFormat.DOCX, t, model, "warm-up", "warm-up");
            LOG.info("DOCX renderer ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
        });
    }

    /** Blueprint destroy. */
    public void stop() {
        RendererWarmUp w = warmUp;
        if (w != null) {
            w.cancel();
        }
    }

    // ------------------------------------------------------------------ generating

    @Override
    public StoredDocument generate(Caller caller, DocumentRequest request) {
        check(request);
        Access access = registry.access();
        access.require(caller, Operation.GENERATE_DOCUMENTS, Target.of(request.jurisdictionCode()));
        Resolved resolved = templates.resolve(request.jurisdictionCode());
        DocumentKind kind = request.kind();
        Map<String, Object> model = model(request);
        LocalDate today = LocalDate.now(clock);
        model.put("issuingOffice", resolved.office().issuingOffice());
        model.put("seal", resolved.office().seal());
        model.put("jurisdictionName", resolved.jurisdiction().name());
        model.put("date", today.format(CHINESE_DATE));
        model.put("title", request.title().strip());
        if (kind.redHeader()) {
            model.put("documentNumber", "〔待编号〕");
        }
        requireFields(kind, model);
        Template template = resolved.templates().get(kind);
        long now = clock.millis();
        String title = request.title().strip();
        String issuingOffice = resolved.office().issuingOffice();
        // Rendered outside any transaction: the number a first red-header version will take is read (not locked), the
        // document rendered with it, then the transaction locks the counter and stores only if that number is still the
        // next one (else it renders again with the new one). A render that fails numbers nothing.
        DocumentEntity saved = null;
        for (int attempt = 0; saved == null; attempt++) {
            if (attempt == MAX_NUMBER_ATTEMPTS) {
                throw SupervisionException.conflict("文书编号被同时生成的其他文书占用，请重试");
            }
            String planned = kind.redHeader() ? jpa.txExpr(TransactionType.Supports, em -> {
                String existing = existingNumber(em, request, kind);
                return existing != null ? existing
                        : resolved.office().number(today.getYear(), peekNext(em, request.jurisdictionCode(), kind, today.getYear()));
            }) : null;
            if (planned != null) {
                model.put("documentNumber", planned);
            }
            byte[] bytes = render(request.format(), template, model, title, issuingOffice);
            saved = jpa.txExpr(TransactionType.Required, em -> {
                List<DocumentEntity> previous = previous(em, request, kind);
                int version = 1 + previous.stream().filter(d -> d.getFormat().equals(request.format().name()))
                        .mapToInt(DocumentEntity::getVersion).max().orElse(0);
                String number = null;
                if (kind.redHeader()) {
                    number = previous.stream().map(DocumentEntity::getDocumentNumber).filter(n -> n != null).findFirst()
                            .orElse(null);
                    if (number == null) {
                        int n = next(em, request.jurisdictionCode(), kind, today.getYear(), resolved.office(), planned);
                        if (n < 0) {
                            return null;
                        }
                        number = resolved.office().number(today.getYear(), n);
                    }
                    if (!number.equals(planned)) {
                        return null;
                    }
                }
                DocumentEntity d = new DocumentEntity();
                d.setJurisdictionCode(request.jurisdictionCode());
                d.setKind(kind.name());
                d.setSubject(request.subject());
                d.setVersion(version);
                d.setFormat(request.format().name());
                d.setTitle(title);
                d.setDocumentNumber(number);
                d.setUnitCode(request.unitCode());
                d.setDepartmentCode(request.departmentCode());
                d.setSize(bytes.length);
                d.setSha256(JpaTemplateRegistry.sha256(bytes));
                d.setTemplateSource(template.source());
                d.setTemplateSha256(template.sha256());
                d.setCreatedBy(caller.username());
                d.setCreatedAt(now);
                em.persist(d);
                em.flush();
                DocumentContentEntity c = new DocumentContentEntity();
                c.setDocumentId(d.getId());
                c.setContent(bytes);
                em.persist(c);
                return d;
            });
        }
        LOG.info("{} {} v{} ({}) of {} generated by {}: {} bytes", kind, saved.getSubject(), saved.getVersion(),
                saved.getFormat(), saved.getJurisdictionCode(), caller.username(), saved.getSize());
        return toValue(saved);
    }

    static final int MAX_NUMBER_ATTEMPTS = 5;

    private static List<DocumentEntity> previous(EntityManager em, DocumentRequest request, DocumentKind kind) {
        return em.createQuery("select d from DocumentEntity d where d.jurisdictionCode = :j"
                        + " and d.kind = :k and d.subject = :s order by d.id desc", DocumentEntity.class)
                .setParameter("j", request.jurisdictionCode()).setParameter("k", kind.name())
                .setParameter("s", request.subject()).getResultList();
    }

    private static String existingNumber(EntityManager em, DocumentRequest request, DocumentKind kind) {
        return previous(em, request, kind).stream().map(DocumentEntity::getDocumentNumber).filter(n -> n != null)
                .findFirst().orElse(null);
    }

    private static String counterKey(String jurisdictionCode, DocumentKind kind, int year) {
        return jurisdictionCode + "/" + kind.name() + "/" + year;
    }

    /** The number the next first version would take, read without a lock. */
    private static int peekNext(EntityManager em, String jurisdictionCode, DocumentKind kind, int year) {
        DocumentNumberEntity counter = em.find(DocumentNumberEntity.class, counterKey(jurisdictionCode, kind, year));
        return counter == null ? 1 : counter.getLast() + 1;
    }

    /**
     * Takes the next number under the counter's lock if it is the one the document was rendered with ({@code planned});
     * -1 (nothing taken) when another document took it meanwhile.
     */
    private static int next(EntityManager em, String jurisdictionCode, DocumentKind kind, int year, OfficeProfile office,
                            String planned) {
        String key = counterKey(jurisdictionCode, kind, year);
        DocumentNumberEntity counter = em.find(DocumentNumberEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        int n = counter == null ? 1 : counter.getLast() + 1;
        if (!office.number(year, n).equals(planned)) {
            return -1;
        }
        if (counter == null) {
            counter = new DocumentNumberEntity();
            counter.setCounterKey(key);
            counter.setLast(1);
            em.persist(counter);
        } else {
            counter.setLast(n);
        }
        return n;
    }

    /** XHTML from the template, then the format. Package-private for the renderers' tests and the sample pages. */
    byte[] render(DocumentFormat format, Template template, Map<String, Object> model, String title, String author) {
        String xhtml;
        try {
            xhtml = Templates.render(template.mustache(), model);
        } catch (Templates.TooLarge e) {
            LOG.error("template {}/{} rendered more than {} characters of XHTML: refused", template.source(),
                    template.kind(), Templates.MAX_OUTPUT);
            throw SupervisionException.invalid("model", e.getMessage() + "，请精简文书数据或检查模板 "
                    + template.source());
        }
        Document doc;
        try {
            doc = Xhtml.parse(xhtml);
        } catch (SAXException e) {
            // a validated template renders well-formed XHTML for any model (values are escaped)
            throw new IllegalStateException("template " + template.source() + "/" + template.kind()
                    + " rendered malformed XHTML: " + Xhtml.describe(e), e);
        }
        // what a template renders depends on the data (an inverted section hides content from the install-time check):
        // every rendered document is checked again before a renderer sees it
        List<String> problems = new ArrayList<>();
        Xhtml.check(doc, problems);
        if (!problems.isEmpty()) {
            LOG.error("template {}/{} rendered XHTML outside the supported set, refused: {}", template.source(),
                    template.kind(), problems);
            throw new IllegalStateException("模板 " + template.source() + "/" + template.kind().templateFile()
                    + " 渲染出不允许的内容，文书未生成：" + String.join("；", problems));
        }
        return format == DocumentFormat.PDF ? pdf().render(doc, title, author) : docx.render(doc, title, author);
    }

    private static void check(DocumentRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw SupervisionException.invalid("request", "缺少文书请求");
        }
        if (r.kind() == null) {
            errors.add(new FieldError("kind", "缺少文书种类"));
        }
        if (r.format() == null) {
            errors.add(new FieldError("format", "缺少文书格式（DOCX 或 PDF）"));
        }
        if (r.jurisdictionCode() == null || !CODE.matcher(r.jurisdictionCode()).matches()) {
            errors.add(new FieldError("jurisdictionCode", "缺少或无效的行政区划代码"));
        }
        if (r.subject() == null || !SUBJECT.matcher(r.subject()).matches()) {
            errors.add(new FieldError("subject", "文书对象应形如 campaign:12 或 campaign:12/unit:CZJ"));
        }
        if (r.title() == null || r.title().isBlank()) {
            errors.add(new FieldError("title", "缺少文书标题"));
        } else if (r.title().strip().length() > MAX_TITLE || r.title().chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError("title", "标题不能超过 " + MAX_TITLE + " 个字，且不能含控制字符"));
        }
        if (r.unitCode() != null && !CODE.matcher(r.unitCode()).matches()) {
            errors.add(new FieldError("unitCode", "无效的单位代码"));
        }
        if (r.departmentCode() != null && !CODE.matcher(r.departmentCode()).matches()) {
            errors.add(new FieldError("departmentCode", "无效的部门代码"));
        }
        if (r.model() == null) {
            errors.add(new FieldError("model", "缺少文书数据"));
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("文书请求无效", errors);
        }
    }

    /** A copy of the request's model with only strings, numbers, booleans, lists and maps. */
    private static Map<String, Object> model(DocumentRequest r) {
        List<FieldError> errors = new ArrayList<>();
        int[] size = {0};
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copy("model", r.model(), errors, size, 0);
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("文书数据无效", errors);
        }
        return copy;
    }

    private static Object copy(String path, Object value, List<FieldError> errors, int[] size, int depth) {
        if (depth > 6) {
            errors.add(new FieldError(path, "嵌套过深"));
            return null;
        }
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof CharSequence s) {
            size[0] += s.length();
            if (size[0] > MAX_MODEL_TEXT) {
                errors.add(new FieldError(path, "文书数据过大"));
            }
            return s.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    errors.add(new FieldError(path, "字段名必须是文字"));
                } else {
                    out.put(key, copy(path + "." + key, v, errors, size, depth + 1));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(copy(path + "[" + i + "]", list.get(i), errors, size, depth + 1));
            }
            return out;
        }
        errors.add(new FieldError(path, "不支持的数据类型 " + value.getClass().getSimpleName()));
        return null;
    }

    private static void requireFields(DocumentKind kind, Map<String, Object> model) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : kind.requiredFields()) {
            Object v = model.get(field);
            if (v == null || (v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty())
                    || (v instanceof Map<?, ?> m && m.isEmpty())) {
                errors.add(new FieldError("model." + field, kind.label() + "缺少必需数据 " + field));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid(kind.label() + "的数据不完整", errors);
        }
    }

    // ------------------------------------------------------------------ reading

    private static Target target(DocumentEntity d) {
        return new Target(d.getJurisdictionCode(), d.getUnitCode(), d.isIssued(), d.getDepartmentCode());
    }

    /**
     * Whether the caller may read the document here. A 监管专报 (SPECIAL_REPORT) is read through the special-report
     * service, which knows the leaders it was sent to: through this service only its office (and the platform) reads it,
     * never every leader of the jurisdiction.
     */
    private static boolean readable(Access access, Caller caller, DocumentEntity d) {
        if (DocumentKind.SPECIAL_REPORT.name().equals(d.getKind())
                && !access.may(caller, Operation.MANAGE_SPECIAL_REPORTS, Target.of(d.getJurisdictionCode()))) {
            return false;
        }
        return access.may(caller, Operation.READ_DOCUMENTS, target(d));
    }

    @Override
    public List<StoredDocument> list(Caller caller, String jurisdictionCode, DocumentKind kind, String subject,
                                     int offset, int limit) {
        Access access = registry.access();
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw SupervisionException.invalid("limit", "分页参数无效（limit 1–" + MAX_LIMIT + "）");
        }
        List<DocumentEntity> rows = jpa.txExpr(TransactionType.Supports, em -> {
            String q = "select d from DocumentEntity d where 1 = 1"
                    + (jurisdictionCode == null ? "" : " and d.jurisdictionCode = :j")
                    + (kind == null ? "" : " and d.kind = :k")
                    + (subject == null ? "" : " and d.subject = :s") + " order by d.id desc";
            var query = em.createQuery(q, DocumentEntity.class);
            if (jurisdictionCode != null) {
                query.setParameter("j", jurisdictionCode);
            }
            if (kind != null) {
                query.setParameter("k", kind.name());
            }
            if (subject != null) {
                query.setParameter("s", subject);
            }
            return query.getResultList();
        });
        return rows.stream().filter(d -> readable(access, caller, d))
                .skip(offset).limit(limit).map(JpaDocumentService::toValue).toList();
    }

    private DocumentEntity find(EntityManager em, long id) {
        DocumentEntity d = em.find(DocumentEntity.class, id);
        if (d == null) {
            throw SupervisionException.notFound("文书 " + id + " 不存在");
        }
        return d;
    }

    @Override
    public StoredDocument get(Caller caller, long id) {
        DocumentEntity d = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        Access access = registry.access();
        access.require(caller, Operation.READ_DOCUMENTS, target(d));
        if (!readable(access, caller, d)) {
            throw SupervisionException.forbidden("监管专报文书只能通过监管专报查阅（仅限报送对象）");
        }
        return toValue(d);
    }

    @Override
    public byte[] content(Caller caller, long id) {
        StoredDocument d = get(caller, id);
        byte[] bytes = jpa.txExpr(TransactionType.Supports, em -> {
            DocumentContentEntity c = em.find(DocumentContentEntity.class, id);
            return c == null ? null : c.getContent();
        });
        if (bytes == null || !JpaTemplateRegistry.sha256(bytes).equals(d.sha256())) {
            LOG.error("document {} content does not match its recorded SHA-256 {}", id, d.sha256());
            throw new IllegalStateException("文书 " + id + " 的内容与记录的 SHA-256 不符");
        }
        return bytes;
    }

    @Override
    public StoredDocument issue(Caller caller, long id) {
        DocumentEntity before = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        registry.access().require(caller, Operation.GENERATE_DOCUMENTS, Target.of(before.getJurisdictionCode()));
        if (DocumentKind.SPECIAL_REPORT.name().equals(before.getKind())) {
            throw SupervisionException.conflict("监管专报文书不能通过文书服务印发：它只报送给专报指定的领导");
        }
        DocumentEntity d = jpa.txExpr(TransactionType.Required, em -> {
            DocumentEntity e = find(em, id);
            if (!e.isIssued()) {
                e.setIssued(true);
                e.setIssuedBy(caller.username());
                e.setIssuedAt(clock.millis());
            }
            return e;
        });
        return toValue(d);
    }

    static StoredDocument toValue(DocumentEntity d) {
        return new StoredDocument(d.getId(), d.getJurisdictionCode(), DocumentKind.valueOf(d.getKind()), d.getSubject(),
                d.getVersion(), DocumentFormat.valueOf(d.getFormat()), d.getTitle(), d.getDocumentNumber(),
                d.getUnitCode(), d.getDepartmentCode(), d.getSize(), d.getSha256(), d.getTemplateSource(),
                d.getTemplateSha256(), d.isIssued(), d.getCreatedBy(), Instant.ofEpochMilli(d.getCreatedAt()),
                d.getIssuedBy(), d.getIssuedAt() == null ? null : Instant.ofEpochMilli(d.getIssuedAt()));
    }
}
