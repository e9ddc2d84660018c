package cn.supervision.itests;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Packed into test contribution bundles as their activator: if it ever runs, a system property says so. The
 * contribution tests prove that a county's upload (and unsigned code from any channel) never gets it to run.
 */
public class SideEffectActivator implements BundleActivator {
    static final String RAN = "supervision.it.activator.ran";

    @Override
    public void start(BundleContext context) {
        System.setProperty(RAN + "." + context.getBundle().getSymbolicName(), "yes");
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo
    }
}
