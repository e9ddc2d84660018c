package cn.supervision.startup;

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

import cn.supervision.testing.fakes.FakeBundle;
import cn.supervision.testing.fakes.FakeBundleContext;

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
        Bundle framework = context().getBundle(0);
        List.copyOf(listeners).forEach(l -> l.frameworkEvent(new FrameworkEvent(type, framework, null)));
    }

    BundleContext context() {
        Bundle framework = adapting(FrameworkStartLevel.class, new FrameworkLevel(startLevel));
        Bundle self = adapting(BundleStartLevel.class, new BundleLevel(14)); // the startup bundle's level
        return new FakeBundleContext() {
            @Override
            public String getProperty(String key) {
                return "karaf.etc".equals(key) ? etc.toString() : properties.get(key);
            }

            @Override
            public Bundle getBundle() {
                return self;
            }

            @Override
            public Bundle getBundle(long id) {
                return framework;
            }

            @Override
            public void addFrameworkListener(FrameworkListener listener) {
                listeners.add(listener);
            }

            @Override
            public void removeFrameworkListener(FrameworkListener listener) {
                listeners.remove(listener);
            }
        };
    }

    /** A bundle that only adapts to {@code type}, as {@code adapted}. */
    private static Bundle adapting(Class<?> type, Object adapted) {
        return new FakeBundle() {
            @Override
            public <A> A adapt(Class<A> asked) {
                if (asked == type) {
                    return asked.cast(adapted);
                }
                throw new UnsupportedOperationException("Bundle.adapt(" + asked.getName() + ") is not used by this test");
            }
        };
    }

    /** The framework's start level, and nothing else. */
    private static final class FrameworkLevel implements FrameworkStartLevel {
        private final int level;

        FrameworkLevel(int level) {
            this.level = level;
        }

        @Override
        public int getStartLevel() {
            return level;
        }

        @Override
        public void setStartLevel(int startlevel, FrameworkListener... listeners) {
            throw new UnsupportedOperationException("setStartLevel");
        }

        @Override
        public int getInitialBundleStartLevel() {
            throw new UnsupportedOperationException("getInitialBundleStartLevel");
        }

        @Override
        public void setInitialBundleStartLevel(int startlevel) {
            throw new UnsupportedOperationException("setInitialBundleStartLevel");
        }

        @Override
        public Bundle getBundle() {
            throw new UnsupportedOperationException("getBundle");
        }
    }

    /** A bundle's start level, and nothing else. */
    private static final class BundleLevel implements BundleStartLevel {
        private final int level;

        BundleLevel(int level) {
            this.level = level;
        }

        @Override
        public int getStartLevel() {
            return level;
        }

        @Override
        public void setStartLevel(int startlevel) {
            throw new UnsupportedOperationException("setStartLevel");
        }

        @Override
        public boolean isPersistentlyStarted() {
            throw new UnsupportedOperationException("isPersistentlyStarted");
        }

        @Override
        public boolean isActivationPolicyUsed() {
            throw new UnsupportedOperationException("isActivationPolicyUsed");
        }

        @Override
        public Bundle getBundle() {
            throw new UnsupportedOperationException("getBundle");
        }
    }
}
