package cn.supervision.rest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.FailedServletDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;

/**
 * Whether the HTTP runtime serves the whiteboard servlets a platform bundle registered (the console and its root
 * redirect). A created Blueprint container has registered its servlet services, but the whiteboard puts them into
 * Jetty on its own: after the HTTP service is reconfigured it re-adds every servlet from its own thread, and a servlet
 * another one shadows is never served at all. Health that counted the container alone said UP while "/" answered 404.
 * <p>
 * Asked on every health request, so the runtime's description (built on Pax Web's configuration thread, and bumping
 * the runtime service's change count each time) is read only while some servlet has not been seen served, and at most
 * every {@value #REREAD_MILLIS} ms. A servlet seen served is remembered until its service goes or the runtime is
 * replaced (a changed {@code etc/org.ops4j.pax.web.cfg} brings a new one, which the whiteboard fills again).
 */
final class ServletDeployment {
    static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";
    static final long REREAD_MILLIS = 200;
    private static final String SERVLET = "javax.servlet.Servlet";

    /** The registered runtime, null while there is none. */
    private final Supplier<HttpServiceRuntime> runtime;
    private final LongSupplier clock;
    private final Set<Long> served = ConcurrentHashMap.newKeySet();
    private volatile HttpServiceRuntime servedBy;
    private volatile Described last;

    private record Described(HttpServiceRuntime by, long at, RuntimeDTO dto) {
    }

    ServletDeployment(Supplier<HttpServiceRuntime> runtime, LongSupplier clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /** From Blueprint: the registered HTTP runtimes (one in Karaf), possibly none yet. */
    static ServletDeployment of(List<HttpServiceRuntime> runtimes) {
        return new ServletDeployment(() -> {
            List<HttpServiceRuntime> now = List.copyOf(runtimes);
            return now.isEmpty() ? null : now.get(0);
        }, () -> System.nanoTime() / 1_000_000);
    }

    /** The whiteboard servlets among a bundle's services. */
    static List<ServiceReference<?>> servlets(ServiceReference<?>[] services) {
        List<ServiceReference<?>> servlets = new ArrayList<>();
        if (services != null) {
            for (ServiceReference<?> s : services) {
                if (s.getProperty(PATTERN) != null && s.getProperty(Constants.OBJECTCLASS) instanceof String[] classes
                        && List.of(classes).contains(SERVLET)) {
                    servlets.add(s);
                }
            }
        }
        return servlets;
    }

    /** Null when every one of {@code servlets} is served; otherwise which are not, and the runtime's reason when it gave one. */
    String problem(List<ServiceReference<?>> servlets) {
        HttpServiceRuntime current = runtime.get();
        if (current != servedBy) {
            served.clear();
            servedBy = current;
        }
        List<ServiceReference<?>> pending = new ArrayList<>();
        for (ServiceReference<?> s : servlets) {
            if (!served.contains(id(s))) {
                pending.add(s);
            }
        }
        if (pending.isEmpty()) {
            return null;
        }
        if (current == null) {
            return "no HTTP runtime to serve " + names(pending);
        }
        RuntimeDTO dto;
        try {
            dto = describe(current);
        } catch (RuntimeException e) { // the runtime going away while asked
            return "HTTP runtime not answering (" + e.getClass().getSimpleName() + ") for " + names(pending);
        }
        Map<Long, Integer> failed = new HashMap<>();
        if (dto.failedServletDTOs != null) {
            for (FailedServletDTO f : dto.failedServletDTOs) {
                failed.put(f.serviceId, f.failureReason);
            }
        }
        Set<Long> deployed = new HashSet<>();
        if (dto.servletContextDTOs != null) {
            for (ServletContextDTO context : dto.servletContextDTOs) {
                if (context.servletDTOs != null) {
                    for (ServletDTO servlet : context.servletDTOs) {
                        deployed.add(servlet.serviceId);
                    }
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        for (ServiceReference<?> s : pending) {
            long id = id(s);
            // Pax Web lists a shadowed servlet under its context too: its failure decides
            if (failed.containsKey(id)) {
                reasons.add("servlet " + name(s) + " refused by the HTTP runtime (failure reason " + failed.get(id) + ")");
            } else if (deployed.contains(id)) {
                served.add(id);
            } else {
                reasons.add("servlet " + name(s) + " not served yet");
            }
        }
        return reasons.isEmpty() ? null : String.join(", ", reasons);
    }

    /** The runtime's description, read again once {@value #REREAD_MILLIS} ms old: a boot script polls health fast. */
    private RuntimeDTO describe(HttpServiceRuntime current) {
        long now = clock.getAsLong();
        Described known = last;
        if (known != null && known.by() == current && now - known.at() < REREAD_MILLIS) {
            return known.dto();
        }
        RuntimeDTO dto = current.getRuntimeDTO();
        last = new Described(current, now, dto);
        return dto;
    }

    /** Forgets the servlets whose services are gone (a restarted bundle registers new ones, with new ids). */
    void retain(Set<Long> registered) {
        served.retainAll(registered);
    }

    static long id(ServiceReference<?> s) {
        return (Long) s.getProperty(Constants.SERVICE_ID);
    }

    private static String name(ServiceReference<?> s) {
        Object name = s.getProperty("osgi.http.whiteboard.servlet.name");
        return name != null ? name.toString() : "#" + id(s);
    }

    private static String names(List<ServiceReference<?>> servlets) {
        List<String> names = new ArrayList<>();
        for (ServiceReference<?> s : servlets) {
            names.add(name(s));
        }
        return String.join(", ", names);
    }
}
