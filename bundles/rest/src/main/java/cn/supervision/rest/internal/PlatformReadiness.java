package cn.supervision.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.blueprint.container.BlueprintContainer;
import org.osgi.service.blueprint.container.BlueprintEvent;
import org.osgi.service.blueprint.container.BlueprintListener;
import org.osgi.service.http.runtime.HttpServiceRuntime;

import cn.supervision.api.health.HealthIndicator;

/**
 * Whether this node serves everything, so that a load balancer may send it requests: every platform bundle (named
 * {@value PublicEndpoints#PLATFORM_PREFIX}…, not a contribution, not a fragment) is ACTIVE, each one with a Blueprint
 * container has it CREATED, every REST resource those bundles registered is in the server the gateway routes with, and
 * every whiteboard servlet they registered is served by the HTTP runtime ({@link ServletDeployment}).
 * The gateway, and so health, answers long before the last domain bundle has migrated its schema and registered its
 * resources; without this a node joined the balancer while half of its API answered 404.
 * <p>
 * Containers are followed by their events, not by polling: the extender replays each bundle's last event to a listener
 * when it registers, and a container that fails later (FAILURE) turns this DOWN naming its bundle. Events are keyed by
 * bundle id, as the contribution extender's BlueprintReadiness keys containers by bundle object: a symbolic name is
 * shared by an old and a new revision during an update.
 * <p>
 * Only the bundles installed when asked count: the features service installs a feature's bundles together before
 * starting any of them, so the gateway, itself one of them, never sees a partial set.
 */
public final class PlatformReadiness implements HealthIndicator, BlueprintListener {
    static final String COMPONENT = "modules";

    private final Supplier<Bundle[]> bundles;
    private final Supplier<List<String>> unpublished;
    private final Map<Long, BlueprintEvent> containers = new ConcurrentHashMap<>();
    private final Map<Long, Shape> shapes = new ConcurrentHashMap<>();
    private final ServletDeployment servlets;

    /** {@code health} words this component's reasons with {@link #summary} for every office but the platform operator's. */
    public PlatformReadiness(BundleContext context, RestGateway gateway, HealthResource health, List<HttpServiceRuntime> httpRuntimes) {
        this(context::getBundles, gateway::unpublished, ServletDeployment.of(httpRuntimes));
        health.summarize(COMPONENT, this::summary);
    }

    /**
     * {@code unpublished}: the platform bundles whose resource services the routing server does not have yet;
     * {@code servlets}: whether the HTTP runtime serves a bundle's whiteboard servlets.
     */
    PlatformReadiness(Supplier<Bundle[]> bundles, Supplier<List<String>> unpublished, ServletDeployment servlets) {
        this.bundles = bundles;
        this.unpublished = unpublished;
        this.servlets = servlets;
    }

    @Override
    public void blueprintEvent(BlueprintEvent event) {
        // WAITING is a call blocked on a missing service, sent while created too and never followed by CREATED again
        if (event.getType() != BlueprintEvent.WAITING) {
            containers.put(event.getBundle().getBundleId(), event);
        }
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    /** Null when ready; otherwise every bundle that is not, with why, a failure with its exception's text (the operator's view). */
    @Override
    public String problem() {
        return reasons(true);
    }

    /**
     * As {@link #problem}, a failure named by its exception's class only and no service filters: what any office may
     * read. An exception's text tells about the database, its URL, SQL and paths.
     */
    String summary() {
        return reasons(false);
    }

    private String reasons(boolean full) {
        List<String> reasons = new ArrayList<>();
        Set<Long> present = new HashSet<>();
        Set<Long> servletIds = new HashSet<>();
        for (Bundle bundle : bundles.get()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(PublicEndpoints.PLATFORM_PREFIX)) {
                continue; // cheap first: most bundles are Karaf's and libraries
            }
            present.add(bundle.getBundleId());
            Shape shape = shape(bundle);
            if (!shape.counts()) {
                continue;
            }
            String why = bundle.getState() != Bundle.ACTIVE ? state(bundle.getState())
                    : Boolean.TRUE.equals(shape.blueprint()) ? containerProblem(bundle, full) : null;
            if (why == null) { // active, its container (if any) created
                List<ServiceReference<?>> web = ServletDeployment.servlets(bundle.getRegisteredServices());
                web.forEach(s -> servletIds.add(ServletDeployment.id(s)));
                why = web.isEmpty() ? null : servlets.problem(web);
            }
            if (why != null) {
                reasons.add(name + ": " + why);
            }
        }
        shapes.keySet().retainAll(present);
        servlets.retain(servletIds);
        for (String name : unpublished.get()) {
            reasons.add(name + ": REST resources not published yet");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /**
     * Whether a bundle counts and has Blueprint, read once per revision: health is asked every few seconds by every
     * balancer, and reading manifests and searching bundle entries for each platform bundle each time is wasted work.
     * An update changes the last-modified time (the id stays); an uninstalled bundle's entry goes with the next call.
     * Blueprint is looked for only once the bundle is ACTIVE: before it is resolved its fragments are not attached.
     */
    private Shape shape(Bundle bundle) {
        long modified = bundle.getLastModified();
        Shape known = shapes.get(bundle.getBundleId());
        if (known == null || known.modified() != modified) {
            known = new Shape(modified, counts(bundle), null);
        }
        if (known.counts() && known.blueprint() == null && bundle.getState() == Bundle.ACTIVE) {
            known = new Shape(modified, true, hasBlueprint(bundle));
        }
        shapes.put(bundle.getBundleId(), known);
        return known;
    }

    /** {@code blueprint} null: not looked for yet. */
    private record Shape(long modified, boolean counts, Boolean blueprint) {
    }

    /** Not a contribution, not a fragment (the name was checked first). */
    private static boolean counts(Bundle bundle) {
        return PublicEndpoints.platform(bundle) && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null;
    }

    private String containerProblem(Bundle bundle, boolean full) {
        if (publishesContainer(bundle)) {
            return null;
        }
        BlueprintEvent last = containers.get(bundle.getBundleId());
        if (last == null) {
            return "Blueprint container not started yet";
        }
        return switch (last.getType()) {
            case BlueprintEvent.CREATED -> null;
            case BlueprintEvent.FAILURE -> "Blueprint container FAILED" + (last.getCause() == null ? ""
                    : " (" + (full ? last.getCause().toString() : last.getCause().getClass().getName()) + ")");
            case BlueprintEvent.GRACE_PERIOD -> "Blueprint container waiting for "
                    + (last.getDependencies() == null || !full ? "services" : Arrays.toString(last.getDependencies()));
            case BlueprintEvent.CREATING -> "Blueprint container being created";
            default -> "Blueprint container destroyed";
        };
    }

    /**
     * A created container is registered as a BlueprintContainer service of its bundle, until it is destroyed. Asked
     * first because an event can be missed: a node whose schema bundle's container was created while this listener
     * was being registered never had its CREATED replayed, and stayed out of the balancer for good.
     */
    private static boolean publishesContainer(Bundle bundle) {
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        if (services == null) {
            return false;
        }
        for (ServiceReference<?> service : services) {
            Object classes = service.getProperty(Constants.OBJECTCLASS);
            if (classes instanceof String[] names && Arrays.asList(names).contains(BlueprintContainer.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The extender's own rule: a Bundle-Blueprint header, or XML files in OSGI-INF/blueprint. */
    private static boolean hasBlueprint(Bundle bundle) {
        if (bundle.getHeaders("").get("Bundle-Blueprint") != null) {
            return true;
        }
        Enumeration<?> xml = bundle.findEntries("OSGI-INF/blueprint", "*.xml", false);
        return xml != null && xml.hasMoreElements();
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
