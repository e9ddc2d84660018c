package cn.supervision.security.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A map that never holds more than {@code capacity} entries and forgets an entry {@code ttlMillis} after it was
 * last written. The credential cache is keyed by what clients send (usernames and passwords), so without a bound a
 * flood of random credentials would grow it without limit; the least recently used entry gives way.
 */
final class BoundedExpiringMap<K, V> {
    private record Entry<V>(V value, long expires) { }

    private final int capacity;
    private final long ttlMillis;
    private final LongSupplier clock;
    private final LinkedHashMap<K, Entry<V>> map;

    BoundedExpiringMap(int capacity, long ttlMillis, LongSupplier clock) {
        if (capacity < 1 || ttlMillis < 1) {
            throw new IllegalArgumentException("capacity and ttl must be positive");
        }
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        this.map = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > BoundedExpiringMap.this.capacity;
            }
        };
    }

    synchronized V get(K key) {
        Entry<V> e = map.get(key);
        if (e == null) {
            return null;
        }
        if (e.expires <= clock.getAsLong()) {
            map.remove(key);
            return null;
        }
        return e.value;
    }

    synchronized void put(K key, V value) {
        map.put(key, new Entry<>(value, clock.getAsLong() + ttlMillis));
        purgeSome();
    }

    synchronized void clear() {
        map.clear();
    }

    synchronized int size() {
        return map.size();
    }

    int capacity() {
        return capacity;
    }

    /** Drops a few expired entries from the old end, so memory is returned without waiting for the capacity. */
    private void purgeSome() {
        long now = clock.getAsLong();
        Iterator<Entry<V>> it = map.values().iterator();
        for (int i = 0; i < 4 && it.hasNext(); i++) {
            if (it.next().expires <= now) {
                it.remove();
            }
        }
    }
}
