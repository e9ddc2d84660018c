package cn.supervision.contribution.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.contribution.ContributionService;

/**
 * Keeps the framework from resolving — hence from ever loading a class of, starting an activator of, or handing to
 * an extender — any contribution bundle (a bundle with a {@value ContributionService#JURISDICTION_HEADER} header)
 * that is not {@linkplain JarInspection#admissible() admissible}: code not signed by a certificate of the city's
 * trust store. This holds for every channel (REST upload, deploy folder, features, shell), because it is the
 * framework asking. Verdicts are cached per bundle and revision (last-modified stamp).
 */
final class CodeGate implements ResolverHookFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CodeGate.class);

    private record Key(long bundleId, long lastModified) { }

    private final JarInspector inspector;
    private final Map<Key, JarInspection> verdicts = new ConcurrentHashMap<>();

    CodeGate(JarInspector inspector) {
        this.inspector = inspector;
    }

    static boolean isContribution(Bundle bundle) {
        return bundle.getHeaders("").get(ContributionService.JURISDICTION_HEADER) != null;
    }

    /**
     * The verdict on the bundle's current revision (computed once), or empty while its content cannot be read: a bundle
     * updated or uninstalled while it is read fails in Felix (IllegalStateException, or NullPointerException once the
     * old revision's content is closed). That decides nothing, so nothing is cached and the bundle is not resolved
     * until a later look can read it.
     */
    Optional<JarInspection> inspect(Bundle bundle) {
        Key key = new Key(bundle.getBundleId(), bundle.getLastModified());
        return Optional.ofNullable(verdicts.computeIfAbsent(key, k -> {
            verdicts.keySet().removeIf(old -> old.bundleId() == k.bundleId());
            return inspectNow(bundle); // null: not recorded
        }));
    }

    private JarInspection inspectNow(Bundle bundle) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("supervision-bundle-" + bundle.getBundleId() + "-", ".jar");
            try {
                BundleJar.write(bundle, tmp);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not read contribution bundle {} ({}) to judge it; it is not resolved until it can be read",
                        bundle.getBundleId(), bundle.getSymbolicName(), e);
                return null;
            }
            return inspector.inspect(tmp);
        } catch (IOException e) {
            LOG.warn("No temporary file to judge contribution bundle {} ({}); it is not resolved until it can be",
                    bundle.getBundleId(), bundle.getSymbolicName(), e);
            return null;
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

    /** Forgets an uninstalled bundle. */
    void forget(long bundleId) {
        verdicts.keySet().removeIf(k -> k.bundleId() == bundleId);
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(r -> {
                    Bundle b = r.getBundle();
                    if (b == null || !isContribution(b)) {
                        return false;
                    }
                    Optional<JarInspection> verdict = inspect(b);
                    if (verdict.isEmpty()) {
                        return true; // not read yet: fail closed, asked again at the next resolution
                    }
                    if (!verdict.get().admissible()) {
                        LOG.warn("Contribution bundle {} is not resolved: it carries code that no trusted certificate signed",
                                b.getSymbolicName());
                        return true;
                    }
                    return false;
                });
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
                // no opinion
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // no opinion
            }

            @Override
            public void end() {
                // nothing held
            }
        };
    }
}
