package cn.supervision.startup;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/** A BundleContext that knows karaf.etc, the framework's start level and its listeners: all the activator asks. */
final class KarafEtcContext {
    private final Path etc;
    private final int startLevel;
    private final Map<String, String> properties = new HashMap<>();
    final List<FrameworkListener> listeners = new ArrayList<>();

    KarafEtcContext(Path etc) {
        this(etc, 100);
    }

    KarafEtcContext(Path etc, int startLevel) {
        this.etc = etc;
        this.startLevel = startLevel;
    }

    /** A framework property besides karaf.etc (karaf.home, karaf.data). */
    KarafEtcContext with(String name, String value) {
        properties.put(name, value);
        return this;
    }

    void fire(int type) {
        Bundle framework = proxy().getBundle(0);
        List.copyOf(listeners).forEach(l -> l.frameworkEvent(new FrameworkEvent(type, framework, null)));
    }

    BundleContext proxy() {
        Bundle framework = adapting(FrameworkStartLevel.class, levelOf(FrameworkStartLevel.class, startLevel));
        Bundle self = adapting(BundleStartLevel.class, levelOf(BundleStartLevel.class, 14)); // the startup bundle's level
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, method, args) -> switch (method.getName()) {
                    case "getProperty" -> "karaf.etc".equals(args[0]) ? etc.toString() : properties.get((String) args[0]);
                    case "getBundle" -> args == null ? self : framework;
                    case "addFrameworkListener" -> listeners.add((FrameworkListener) args[0]);
                    case "removeFrameworkListener" -> listeners.remove(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A FrameworkStartLevel or BundleStartLevel that only tells its level. */
    private <T> T levelOf(Class<T> type, int level) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (method.getName().equals("getStartLevel")) {
                return level;
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }

    private Bundle adapting(Class<?> type, Object adapted) {
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class}, (p, method, args) -> {
            if (method.getName().equals("adapt") && args[0] == type) {
                return adapted;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
