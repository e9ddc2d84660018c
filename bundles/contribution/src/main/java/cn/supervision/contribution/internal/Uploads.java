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
    /** Symbolic names being installed by an upload on this node right now: the reconciler leaves them alone. */
    private final java.util.Set<String> inFlight = ConcurrentHashMap.newKeySet();
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

    boolean inFlight(String symbolicName) {
        return inFlight.contains(symbolicName);
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
        if (!inFlight.add(bsn)) {
            pending.remove(key, upload);
            throw SupervisionException.conflict("贡献包 " + bsn + " 正在由另一次上传安装，请稍后再试");
        }
        String before = local.put(bsn, sha);
        try {
            try {
                if (bundle == null) {
                    bundle = context.installBundle(Channel.UPLOAD_LOCATION + bsn, new ByteArrayInputStream(jar));
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
        Bundle bundle = installed(c.symbolicName());
        if (bundle == null || !bundle.getVersion().toString().equals(c.version())) {
            throw SupervisionException.conflict("贡献包 " + c.symbolicName() + " " + c.version() + " 当前未安装");
        }
        if (city.isCity(c.symbolicName())) {
            throw SupervisionException.conflict("市级贡献包是平台的第一个租户，不能卸载；请安装新版本替换");
        }
        retirements.requestedBy(c.symbolicName(), caller);
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            retirements.withdrawn(c.symbolicName());
            throw new IllegalStateException("cannot uninstall " + c.symbolicName(), e);
        }
        try {
            drained.get().get(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Retirement of {} still running", c.symbolicName());
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
