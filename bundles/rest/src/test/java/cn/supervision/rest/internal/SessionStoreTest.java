package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

/** Console sessions: random ids, idle and absolute expiry, the bound, logout, the CSRF comparison. */
class SessionStoreTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Moving clock = new Moving();
    final SessionStore store = new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), 3);

    @Test
    void idsAndTokensAreRandomAndDistinct() {
        SessionStore.Session a = store.open(CITY);
        SessionStore.Session b = store.open(CITY);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertEquals(43, a.id().length()); // 256 bits, base64url
        assertEquals(CITY, store.find(a.id()).orElseThrow().caller());
    }

    @Test
    void anIdleSessionExpiresAndUseKeepsItAlive() {
        SessionStore.Session s = store.open(CITY);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertTrue(store.find(s.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(29)); // 58 min after login, 29 after the last request
        assertTrue(store.find(s.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertFalse(store.find(s.id()).isPresent());
        assertEquals(0, store.size());
    }

    @Test
    void aSessionInUseStillEndsAtTheAbsoluteMaximum() {
        SessionStore.Session s = store.open(CITY);
        for (int i = 0; i < 24; i++) { // up to 11 h 36 min
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            assertTrue(store.find(s.id()).isPresent());
        }
        clock.now = clock.now.plus(Duration.ofMinutes(29)); // 12 h 5 min after login
        assertFalse(store.find(s.id()).isPresent());
    }

    @Test
    void theMapIsBoundedTheLeastRecentlyUsedGoesFirst() {
        SessionStore.Session first = store.open(CITY);
        clock.now = clock.now.plusSeconds(1);
        SessionStore.Session second = store.open(CITY);
        clock.now = clock.now.plusSeconds(1);
        SessionStore.Session third = store.open(CITY);
        clock.now = clock.now.plusSeconds(1);
        store.find(first.id()); // used again: the second is now the least recently used
        clock.now = clock.now.plusSeconds(1);
        SessionStore.Session fourth = store.open(CITY);
        assertEquals(3, store.size());
        assertTrue(store.find(first.id()).isPresent());
        assertFalse(store.find(second.id()).isPresent());
        assertTrue(store.find(third.id()).isPresent());
        assertTrue(store.find(fourth.id()).isPresent());
    }

    @Test
    void logoutForgetsTheSessionAndUnknownIdsFindNothing() {
        SessionStore.Session s = store.open(CITY);
        store.close(s.id());
        assertFalse(store.find(s.id()).isPresent());
        assertFalse(store.find("forged").isPresent());
        assertFalse(store.find("").isPresent());
        assertFalse(store.find(null).isPresent());
    }

    @Test
    void csrfTokensCompareExactly() {
        SessionStore.Session s = store.open(CITY);
        assertTrue(s.csrfMatches(s.csrfToken()));
        assertFalse(s.csrfMatches(null));
        assertFalse(s.csrfMatches(""));
        assertFalse(s.csrfMatches(s.csrfToken().substring(1)));
        assertFalse(s.csrfMatches(s.id()));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SessionStore(0, 12, 10));
        assertThrows(IllegalArgumentException.class, () -> new SessionStore(30, 12, 0));
    }
}
