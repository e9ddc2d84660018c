package cn.supervision.rest.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.osgi.framework.Bundle;

import cn.supervision.api.contribution.ContributionService;
import cn.supervision.rest.bounds.PublicEndpoint;

/**
 * Which {@link PublicEndpoint} marks the gateway honours, and the paths they answer, as of the last publication.
 * <p>
 * Only resources of platform bundles may open an endpoint: a contribution bundle (a county's or a city-signed code
 * bundle, {@value ContributionService#JURISDICTION_HEADER} in its manifest) registers resources like any other bundle,
 * but what the platform answers without credentials is the platform's decision, not a contributor's — a mark on one of
 * its classes is ignored and its methods need a caller like every unmarked one.
 * <p>
 * The paths let authentication run before matching for everything else: an anonymous request that cannot reach a
 * public method is refused whether or not some method would answer it, so a 404 or 405 never tells an anonymous
 * client which part of the API exists.
 */
public final class PublicEndpoints {
    /** Platform bundles are built with this symbolic-name prefix (bundles/pom.xml). */
    static final String PLATFORM_PREFIX = "cn.supervision.";
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})*))?}");

    private record State(Set<Class<?>> trusted, List<Pattern> paths) {
    }

    private volatile State state = new State(Set.of(), List.of());

    public PublicEndpoints() {
    }

    /** A platform bundle: named like one and not a contribution (which may be named anything, including that). */
    static boolean platform(Bundle bundle) {
        return bundle != null && platform(bundle.getSymbolicName(), bundle.getHeaders("").get(ContributionService.JURISDICTION_HEADER));
    }

    static boolean platform(String symbolicName, String jurisdictionHeader) {
        return symbolicName != null && symbolicName.startsWith(PLATFORM_PREFIX) && jurisdictionHeader == null;
    }

    /** The classes whose marks count from now on: the gateway's own resources and those of platform bundles. */
    void trust(Collection<Class<?>> classes) {
        List<Pattern> paths = new ArrayList<>();
        for (Class<?> type : classes) {
            paths.addAll(paths(type));
        }
        state = new State(Set.copyOf(classes), List.copyOf(paths));
    }

    /** The mark of the method a request was matched to (or of its class), when its resource may open endpoints. */
    PublicEndpoint of(Class<?> resourceClass, Method method) {
        if (method == null) {
            return null;
        }
        Set<Class<?>> trusted = state.trusted();
        if (!trusted.contains(method.getDeclaringClass()) && (resourceClass == null || !trusted.contains(resourceClass))) {
            return null;
        }
        return mark(method);
    }

    /** Whether a request path (relative to the API root) could reach a public method; a leading slash is ignored. */
    boolean couldBePublic(String path) {
        String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        for (Pattern pattern : state.paths()) {
            if (pattern.matcher(p).matches()) {
                return true;
            }
        }
        return false;
    }

    private static PublicEndpoint mark(Method method) {
        PublicEndpoint onMethod = method.getAnnotation(PublicEndpoint.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(PublicEndpoint.class);
    }

    /** One pattern per public method: the class's path and the method's, templates as JAX-RS matches them. */
    static List<Pattern> paths(Class<?> type) {
        Path base = type.getAnnotation(Path.class);
        List<Pattern> out = new ArrayList<>();
        for (Method m : type.getMethods()) {
            Path own = m.getAnnotation(Path.class);
            boolean resourceMethod = designator(m);
            if ((own == null && !resourceMethod) || mark(m) == null) {
                continue;
            }
            String template = join(base == null ? "" : base.value(), own == null ? "" : own.value());
            // a sub-resource locator answers below its path too
            String tail = resourceMethod ? "/?" : "(/.*)?";
            out.add(Pattern.compile(regex(template) + tail));
        }
        return out;
    }

    private static boolean designator(Method m) {
        for (var a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String a, String b) {
        String s = (a + "/" + b).replaceAll("/+", "/");
        s = s.startsWith("/") ? s.substring(1) : s;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String regex(String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = TEMPLATE.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(template.substring(last, m.start())));
            out.append('(').append(m.group(1) == null ? "[^/]+" : m.group(1).trim()).append(')');
            last = m.end();
        }
        out.append(Pattern.quote(template.substring(last)));
        return out.toString();
    }
}
