package cn.supervision.contribution.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;

/**
 * Jars installed and uninstalled through the API. An upload is judged before the framework sees it (every refusal is an
 * event of the history), installed or updated under {@value Channel#UPLOAD_LOCATION}, and answered once the extension
 * has processed it: the pending upload carries who uploaded it to the processing and its outcome back. The jar is
 * also stored in the database ({@link StoredJars}) for the other nodes to install ({@link Reconciler}).
 */
final class Uploads {
    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);
    static final long PROCESS_TIMEOUT_SECONDS = 60;

    /** An upload waiting for its processing. */
    record Pending(String sha256, Caller caller, CompletableFuture<Long> processed) { }

    private final BundleContext context;
    private final ContributionLedger ledger;
    private final JarInspector inspector;
    private final ContributionAuthority authority;
    private final CityGate city;
    private final Retirements retirements;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /**
     * Symbolic names an upload or uninstall on this node is working on right now: the reconciler leaves them alone. An
     * uninstall keeps its name here until the worker has run its retirement, which records in the database that no node
     * is to have the jar: a reconcile round that read the stored jars before would otherwise install it again.
     */
    private final java.util.Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Per symbolic name: a reconciler step and the start of an upload or uninstall of the name exclude each other. */
    private final Map<String, Object> guards = new ConcurrentHashMap<>();
    private final StoredJars jars;
    private final LocalJars local;

    Uploads(BundleContext context, ContributionLedger ledger, JarInspector inspector, ContributionAuthority authority, CityGate city,
            Retirements retirements, StoredJars jars, LocalJars local) {
        this.context = context;
        this.ledger = ledger;
        this.inspector = inspector;
        this.authority = authority;
        this.city = city;
        this.retirements = retirements;
        this.jars = jars;
        this.local = local;
    }

    /** A step of the reconciler on one symbolic name. */
    interface Step {
        void run() throws BundleException;
    }

    /**
     * Runs the reconciler's step on the name unless an upload or uninstall of it is under way on this node (answers
     * false then); neither starts while the step runs. Checked and run under one lock: a round that saw no upload or
     * uninstall must not act after one has begun.
     */
    boolean unlessInFlight(String symbolicName, Step step) throws BundleException {
        synchronized (guard(symbolicName)) {
            if (inFlight.contains(symbolicName)) {
                return false;
            }
            step.run();
            return true;
        }
    }

    /** An upload or uninstall of the name begins here; false if one is under way already. */
    private boolean begin(String symbolicName) {
        synchronized (guard(symbolicName)) {
            return inFlight.add(symbolicName);
        }
    }

    private Object guard(String symbolicName) {
        return guards.computeIfAbsent(symbolicName, k -> new Object()); // one per name ever uploaded: few
    }

    /** The upload of this bundle revision still waiting, if any. */
    Pending pending(String symbolicName, String version) {
        return pending.get(symbolicName + "@" + version);
    }

    /** Hands the waiting upload to its processing; it is put back with {@link #retry} when processing is retried. */
    Pending take(String symbolicName, String version) {
        return pending.remove(symbolicName + "@" + version);
    }

    void retry(String symbolicName, String version, Pending upload) {
        if (upload != null) {
            pending.putIfAbsent(symbolicName + "@" + version, upload);
        }
    }

    /** Installs or updates the jar and answers the id of its record once processed. */
    long upload(Caller caller, byte[] jar) {
        String sha = sha256(jar);
        JarInspection found = inspect(jar);
        if (!found.wellFormed()) {
            throw refused(caller, sha, found, SupervisionException.invalid("不是有效的 OSGi bundle（jar）：" + found.malformed().get(0),
                    errors(found.malformed())), found.malformed());
        }
        String bsn = found.symbolicName();
        String declared = found.jurisdiction();
        if (declared == null) {
            throw refused(caller, sha, found, SupervisionException.invalid("jar", "不是贡献包：清单中没有 " + ContributionService.JURISDICTION_HEADER),
                    List.of("清单中没有 " + ContributionService.JURISDICTION_HEADER));
        }
        try {
            authority.checkUploader(caller, declared);
        } catch (SupervisionException e) {
            throw refused(caller, sha, found, e, List.of(e.getMessage()));
        }
        boolean byCity = authority.city(caller);
        if (!found.declarative()) {
            if (!byCity) {
                // code in a bundle runs with the platform's rights: the city decides what code runs
                throw refused(caller, sha, found, new SupervisionException(ProblemKind.FORBIDDEN, "禁止访问", "含 Java 代码或让框架加载代码的贡献包须由市级管理员"
                        + "或运维渠道安装，且须由可信证书签名；县区只能上传只含 SUPERVISION-INF 内容的数据贡献包", errors(found.code())), found.code());
            }
            if (!found.trustedCode()) {
                throw refused(caller, sha, found, new SupervisionException(ProblemKind.FORBIDDEN, "禁止访问", "含代码的贡献包须由市级可信证书签名（etc/"
                        + " 中配置的证书）", errors(found.signature())), found.signature());
            }
        }
        Bundle bundle = installed(bsn);
        Ownership.Existing existing = bundle == null ? null
                : new Ownership.Existing(ledger.all().stream().anyMatch(e -> bsn.equals(e.getSymbolicName()) && declared.equals(e.getJurisdictionCode())),
                        bundle.getLocation().startsWith(Channel.UPLOAD_LOCATION));
        var conflict = Ownership.refusal(bsn, declared, ledger.owner(bsn), existing, byCity);
        if (conflict.isPresent()) {
            throw refused(caller, sha, found, conflict.get(), List.of(conflict.get().getMessage()));
        }
        String key = bsn + "@" + found.version();
        Pending upload = new Pending(sha, caller, new CompletableFuture<>());
        pending.put(key, upload);
        if (!begin(bsn)) {
            pending.remove(key, upload);
            throw SupervisionException.conflict("贡献包 " + bsn + " 正在由另一次上传安装或正在卸载，请稍后再试");
        }
        String before = local.put(bsn, sha);
        try {
            try {
                if (bundle == null) {
                    bundle = context.installBundle(Channel.UPLOAD_LOCATION + bsn, new ByteArrayInputStream(jar));
                    bundle.adapt(BundleStartLevel.class).setStartLevel(Channel.START_LEVEL);
                } else {
                    bundle.update(new ByteArrayInputStream(jar));
                }
            } catch (BundleException | RuntimeException e) {
                local.restore(bsn, before);
                throw e;
            }
            jars.installed(bsn, found.version(), sha, jar); // the other nodes install it too
            if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start(); // an update of an ACTIVE bundle restarts it by itself; either way the tracker processes it
            }
            return upload.processed().get(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (BundleException e) {
            throw SupervisionException.invalid("jar", "OSGi 拒绝安装该 bundle：" + e.getMessage());
        } catch (TimeoutException e) {
            throw new SupervisionException(ProblemKind.BUSY, "服务未就绪", "贡献包已安装，但 " + PROCESS_TIMEOUT_SECONDS + " 秒内未处理完毕", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisionException(ProblemKind.BUSY, "服务未就绪", "处理被中断", null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("contribution processing failed", e.getCause());
        } finally {
            pending.remove(key, upload);
            inFlight.remove(bsn);
        }
    }

    /** Uninstalls the bundle serving the contribution and waits (bounded) until what it contributed is retired. */
    void uninstall(Contribution c, Caller caller, Supplier<CompletableFuture<Void>> drained) {
        String bsn = c.symbolicName();
        if (!begin(bsn)) {
            throw SupervisionException.conflict("贡献包 " + bsn + " 正在上传安装或卸载，请稍后再试");
        }
        CompletableFuture<Void> retired = null;
        try {
            Bundle bundle = installed(bsn); // looked up once no reconcile step on the name can change it
            if (bundle == null || !bundle.getVersion().toString().equals(c.version())) {
                throw SupervisionException.conflict("贡献包 " + bsn + " " + c.version() + " 当前未安装");
            }
            if (city.isCity(bsn)) {
                throw SupervisionException.conflict("市级贡献包是平台的第一个租户，不能卸载；请安装新版本替换");
            }
            retirements.requestedBy(bsn, caller);
            try {
                bundle.uninstall();
            } catch (BundleException | IllegalStateException e) {
                retirements.withdrawn(bsn);
                throw new IllegalStateException("cannot uninstall " + bsn, e);
            }
            retired = drained.get(); // runs after the retirement the uninstall handed to the worker
        } finally {
            if (retired == null) {
                inFlight.remove(bsn);
            }
        }
        // lifted on the worker once the retirement has run, even if this request stops waiting before
        retired.whenComplete((v, e) -> inFlight.remove(bsn));
        try {
            retired.get(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Retirement of {} still running", bsn);
        }
    }

    /** Records the refusal of an upload as its own event and hands back the answer to throw. */
    private SupervisionException refused(Caller caller, String sha, JarInspection found, SupervisionException answer, List<String> reasons) {
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.REFUSED, found.symbolicName(), found.version(), null,
                "rest", caller.username(), caller.jurisdictionCode(), found.jurisdiction(), sha, null, reasons));
        LOG.warn("Upload by {} of {} refused ({}):\n  {}", caller.username(), found.symbolicName() == null ? "an unreadable jar"
                : found.symbolicName() + " " + found.version() + " for " + found.jurisdiction(), answer.kind(), String.join("\n  ", reasons));
        return answer;
    }

    private static List<FieldError> errors(List<String> reasons) {
        return reasons.stream().map(r -> new FieldError("jar", r)).toList();
    }

    private JarInspection inspect(byte[] jar) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("supervision-upload-", ".jar");
            Files.write(tmp, jar);
            return inspector.inspect(tmp);
        } catch (IOException e) {
            throw new IllegalStateException("cannot stage the upload", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}", tmp);
                }
            }
        }
    }

    private Bundle installed(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
