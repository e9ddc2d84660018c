package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/** In a real framework: the wait for a bundle's Blueprint container ends on the container's registration, not on a thread. */
class BlueprintReadinessTest {
    static final String CONTAINER = "org.osgi.service.blueprint.container.BlueprintContainer";

    @TempDir
    Path storage;
    Felix framework;
    BundleContext context;

    @BeforeEach
    void start() throws Exception {
        framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void completesWhenTheContainerIsRegisteredWithoutHoldingTheCaller() throws Exception {
        Bundle bundle = context.installBundle("test:rules", jar("cn.supervision.county.rules", true));
        // the container is registered only after of() returns, on this thread: an of() that waited for it would never
        // return (the preemptive bound turns that into a failure), one that waited and gave up would be done
        CompletableFuture<Void> ready = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new BlueprintReadiness(context).of(bundle), "of() waits for nothing");
        assertFalse(ready.isDone(), "no container yet");

        container(context.installBundle("test:other", jar("cn.supervision.county.other", "1.0.0", true)));
        assertFalse(ready.isDone(), "another bundle's container is not this one's");

        container(context.installBundle("test:rules-2", jar("cn.supervision.county.rules", "2.0.0", true)));
        assertFalse(ready.isDone(), "nor is the container of another bundle with the same name (a second version)");

        container(bundle);
        ready.get(1, TimeUnit.SECONDS);
    }

    @Test
    void aContainerAlreadyUpAndABundleWithoutBlueprintAreReadyAtOnce() throws Exception {
        Bundle rules = context.installBundle("test:rules", jar("cn.supervision.county.rules", true));
        container(rules);
        assertTrue(new BlueprintReadiness(context).of(rules).isDone());

        Bundle data = context.installBundle("test:data", jar("cn.supervision.county.data", false));
        assertTrue(new BlueprintReadiness(context).of(data).isDone());
    }

    /** As Blueprint does: the bundle's own context registers its container, so the service names the bundle. */
    private ServiceRegistration<?> container(Bundle owner) throws Exception {
        owner.start();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.blueprint.container.symbolicname", owner.getSymbolicName());
        props.put("osgi.blueprint.container.version", owner.getVersion());
        // a factory: the framework then does not ask for an instance of the (absent) Blueprint API class
        return owner.getBundleContext().registerService(CONTAINER, new ServiceFactory<Object>() {
            @Override
            public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
                return new Object();
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
            }
        }, props);
    }

    private static ByteArrayInputStream jar(String symbolicName, boolean blueprint) throws IOException {
        return jar(symbolicName, "1.0.0", blueprint);
    }

    private static ByteArrayInputStream jar(String symbolicName, String version, boolean blueprint) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            if (blueprint) {
                jar.putNextEntry(new JarEntry("OSGI-INF/blueprint/rules.xml"));
                jar.write("<blueprint xmlns=\"http://www.osgi.org/xmlns/blueprint/v1.0.0\"/>".getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
