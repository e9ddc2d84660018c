package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** The gate's verdict on a bundle whose content cannot be read. */
class CodeGateTest {

    /**
     * Felix answers a read of a bundle uninstalled meanwhile with a NullPointerException (its revision's content is
     * closed); a CI run saw it escape from the tracker's first inspection and fail the contribution extender's start.
     */
    @Test
    void aBundleWhoseContentVanishesWhileReadIsNotAdmittedAndNothingEscapes() {
        Bundle vanishing = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class}, (p, m, args) -> {
            switch (m.getName()) {
                case "getBundleId":
                    return 42L;
                case "getLastModified":
                    return 1L;
                case "getEntryPaths":
                case "getEntry":
                    throw new NullPointerException("the revision's content is null");
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        });
        JarInspection verdict = new CodeGate(new JarInspector(TrustStore.empty())).inspect(vanishing);
        assertFalse(verdict.admissible());
        assertTrue(verdict.malformed().get(0).contains("NullPointerException"), verdict.malformed()::toString);
    }
}
