package cn.supervision.rest.internal;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerLifeCycleManager;
import org.apache.cxf.endpoint.ServerRegistry;
import org.apache.cxf.transport.ChainInitiationObserver;

/**
 * How a newly built server takes over from the routing one without the address ever disappearing. Both share the
 * servlet destination registered for the address; swapping its observer is one assignment. The old server is not
 * stopped or destroyed: that would clear the observer and remove the destination.
 */
final class ServerSwap {
    private ServerSwap() {
    }

    /** {@code previous}: the server routing until now, or null. */
    static void replace(Bus bus, Server previous, Server next) {
        next.getDestination().setMessageObserver(new ChainInitiationObserver(next.getEndpoint(), bus));
        ServerRegistry registry = bus.getExtension(ServerRegistry.class);
        if (registry != null) {
            if (previous != null) {
                registry.unregister(previous);
            }
            registry.register(next);
        }
        if (previous != null) {
            release(bus, previous);
        }
    }

    /**
     * Each server leaves a ManagedEndpoint among the bus's life-cycle listeners, holding the server and its endpoint
     * (resources, providers, models) until it hears that this server stopped; announcing that lets it go, so a replaced
     * server becomes garbage once its last request ended, with the shared destination untouched.
     */
    private static void release(Bus bus, Server previous) {
        ServerLifeCycleManager lifeCycles = bus.getExtension(ServerLifeCycleManager.class);
        if (lifeCycles != null) {
            lifeCycles.stopServer(previous);
        }
    }
}
