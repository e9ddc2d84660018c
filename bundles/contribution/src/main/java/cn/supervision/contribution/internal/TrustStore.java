package cn.supervision.contribution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates the city trusts to sign contribution bundles that carry code: PEM or DER certificate files in
 * {@code etc/}. A signer is trusted when its certificate is one of them, or when its chain validates (PKIX) up to
 * one of them. Empty — nothing configured — trusts nothing, so code bundles are refused: the safe default.
 */
final class TrustStore {
    private static final Logger LOG = LoggerFactory.getLogger(TrustStore.class);

    private final Set<X509Certificate> certificates;

    TrustStore(Set<X509Certificate> certificates) {
        this.certificates = Set.copyOf(certificates);
    }

    static TrustStore empty() {
        return new TrustStore(Set.of());
    }

    /** Every certificate of the files; a missing or unreadable file is logged and contributes nothing. */
    static TrustStore load(List<Path> files) {
        Set<X509Certificate> certs = new HashSet<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                LOG.warn("Trust certificate file {} does not exist: ignored", f);
                continue;
            }
            try (InputStream in = Files.newInputStream(f)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    certs.add((X509Certificate) c);
                }
            } catch (IOException | GeneralSecurityException e) {
                LOG.error("Trust certificate file {} is not readable: ignored ({})", f, e.getMessage());
            }
        }
        certs.forEach(c -> LOG.info("Contribution bundles signed by “{}” are trusted", c.getSubjectX500Principal().getName()));
        return new TrustStore(certs);
    }

    boolean isEmpty() {
        return certificates.isEmpty();
    }

    int size() {
        return certificates.size();
    }

    boolean trusts(CertPath path) {
        if (path == null || path.getCertificates().isEmpty() || certificates.isEmpty()) {
            return false;
        }
        Certificate leaf = path.getCertificates().get(0);
        if (leaf instanceof X509Certificate x && certificates.contains(x)) {
            try {
                x.checkValidity();
                return true;
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            certificates.forEach(c -> anchors.add(new TrustAnchor(c, null)));
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false); // an offline platform; revoke by removing the certificate from etc/
            List<Certificate> chain = new ArrayList<>(path.getCertificates());
            chain.removeIf(certificates::contains); // a chain may carry its anchor; PKIX wants it left out
            if (chain.isEmpty()) {
                return false;
            }
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), params);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String subject(CertPath path) {
        return path == null || path.getCertificates().isEmpty() ? "（无）"
                : ((X509Certificate) path.getCertificates().get(0)).getSubjectX500Principal().getName();
    }
}
