package cn.supervision.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.ImportResult;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.security.Caller;

/**
 * Loads {@code demo/units-*.json} into the registry when the demo profile is on. Only missing units are
 * created, so restarts and an office's edits of demo units are left alone.
 */
public class DemoDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    /** One demo file: the units of one jurisdiction. */
    public record DemoUnits(String jurisdictionCode, List<UnitDraft> units) { }

    private final BundleContext context;
    private final RegistryService registry;
    private final boolean enabled;

    public DemoDataLoader(BundleContext context, RegistryService registry, boolean enabled) {
        this.context = context;
        this.registry = registry;
        this.enabled = enabled;
    }

    public void load() {
        if (!enabled) {
            LOG.info("Demo profile is off (etc/cn.supervision.demo.cfg): no demo data loaded");
            return;
        }
        ObjectMapper json = new ObjectMapper();
        Enumeration<URL> files = context.getBundle().findEntries("demo", "units-*.json", false);
        List<URL> sorted = files == null ? List.of() : new ArrayList<>(Collections.list(files));
        sorted.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        for (URL file : sorted) {
            try (InputStream in = file.openStream()) {
                DemoUnits demo = json.readValue(in, DemoUnits.class);
                ImportResult r = registry.importUnits(Caller.system("demo"), demo.jurisdictionCode(), demo.units(),
                        ImportMode.CREATE_MISSING);
                LOG.info("Demo data {}: {} created, {} already present", file.getPath(), r.created().size(), r.unchanged().size());
            } catch (IOException | SupervisionException e) {
                LOG.error("Demo data {} not loaded: {}", file.getPath(), e.getMessage());
            }
        }
    }
}
