package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import cn.supervision.testing.fakes.FakeBundle;

/** The gate's verdict on a bundle whose content cannot be read. */
class CodeGateTest {

    /**
     * Felix answers a read of a bundle uninstalled meanwhile with a NullPointerException (its revision's content is
     * closed); a CI run saw it escape from the tracker's first inspection and fail the contribution extender's start.
     * Unreadable decides nothing: no verdict (the resolver hook keeps it unresolved), none cached, no refusal.
     */
    @Test
    void aBundleWhoseContentVanishesWhileReadGetsNoVerdictAndNothingEscapes() {
        AtomicInteger reads = new AtomicInteger();
        Bundle vanishing = new FakeBundle() {
            @Override
            public long getBundleId() {
                return 42L;
            }

            @Override
            public long getLastModified() {
                return 1L;
            }

            @Override
            public String getSymbolicName() {
                return "cn.supervision.county.lijin";
            }

            @Override
            public Enumeration<String> getEntryPaths(String path) {
                reads.incrementAndGet();
                throw new NullPointerException("the revision's content is null");
            }

            @Override
            public URL getEntry(String path) {
                reads.incrementAndGet();
                throw new NullPointerException("the revision's content is null");
            }
        };
        CodeGate gate = new CodeGate(new JarInspector(TrustStore.empty()));
        assertTrue(gate.inspect(vanishing).isEmpty());
        assertTrue(gate.inspect(vanishing).isEmpty());
        assertEquals(2, reads.get(), "an unreadable bundle's missing verdict was cached");
    }
}
