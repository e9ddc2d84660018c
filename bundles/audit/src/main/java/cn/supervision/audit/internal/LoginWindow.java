package cn.supervision.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP Basic and WS-Security authenticate every request; an entry per request would bury the trail (and make every
 * read pay a commit). A successful login is therefore recorded once per user and source address within a window;
 * failed logins are always recorded. Bounded: the least recently seen pairs are forgotten first.
 */
final class LoginWindow {
    static final int MAX_PAIRS = 10_000;

    private final long windowMillis;
    private final Map<String, Long> lastRecorded = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_PAIRS;
        }
    };

    LoginWindow(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** True when this success should be recorded (first for the pair, or the window has passed); marks it recorded. */
    synchronized boolean due(String username, String source, long now) {
        String key = username + '\u0000' + source;
        Long last = lastRecorded.get(key);
        if (last != null && now - last < windowMillis) {
            return false;
        }
        lastRecorded.put(key, now);
        return true;
    }

    /** Forgets the pair: the entry meant to be recorded could not be written, so the next login tries again. */
    synchronized void forget(String username, String source) {
        lastRecorded.remove(username + '\u0000' + source);
    }
}
