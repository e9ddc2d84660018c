package cn.supervision.indicator.internal;

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

import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemDocument;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;

/**
 * Publishes the systems shipped in {@code content/*.json} (the Dongying city default) unless a system of the same
 * jurisdiction, name and year exists, so restarts neither duplicate nor overwrite anything.
 */
public class ContentLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ContentLoader.class);
    private final BundleContext context;
    private final JpaIndicatorSystemService service;

    public ContentLoader(BundleContext context, JpaIndicatorSystemService service) {
        this.context = context;
        this.service = service;
    }

    public void load() {
        Enumeration<URL> files = context.getBundle().findEntries("content", "*.json", false);
        List<URL> sorted = files == null ? List.of() : new ArrayList<>(Collections.list(files));
        sorted.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        for (URL file : sorted) {
            try (InputStream in = file.openStream()) {
                IndicatorSystemDocument doc = Definitions.JSON.readValue(in, IndicatorSystemDocument.class);
                IndicatorSystem s = service.seed(Caller.system("content"), doc.jurisdictionCode(), doc.definition());
                if (s != null) {
                    LOG.info("Published indicator system '{}' ({}) for {} from {}", s.definition().name(), s.definition().year(),
                            s.jurisdictionCode(), file.getPath());
                }
            } catch (IOException | SupervisionException e) {
                LOG.error("Indicator system content {} not loaded: {} {}", file.getPath(), e.getMessage(),
                        e instanceof SupervisionException se ? se.errors() : "");
            }
        }
    }
}
