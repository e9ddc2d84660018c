package cn.supervision.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(now::get);

    @Test
    void delaysGrowPerUserAndSourceAndAreForgottenAfterAWhile() {
        for (int i = 0; i < LoginThrottle.FREE_PER_SOURCE; i++) {
            assertEquals(0, throttle.waitMillis("city", "10.0.0.9"));
            throttle.failed("city", "10.0.0.9");
        }
        assertEquals(0, throttle.waitMillis("city", "10.0.0.9"), "the free failures cost nothing");
        throttle.failed("city", "10.0.0.9");
        long base = LoginThrottle.BASE_DELAY_MILLIS;
        assertEquals(base, throttle.waitMillis("city", "10.0.0.9"));
        now.addAndGet(base - 1);
        assertEquals(1, throttle.waitMillis("city", "10.0.0.9"));
        now.addAndGet(1);
        throttle.failed("city", "10.0.0.9");
        assertEquals(2 * base, throttle.waitMillis("city", "10.0.0.9"));
        now.addAndGet(2 * base);
        throttle.failed("city", "10.0.0.9");
        assertEquals(4 * base, throttle.waitMillis("city", "10.0.0.9"), "each further failure doubles the wait");
        assertEquals(0, throttle.waitMillis("city", "10.0.0.10"), "another source is not slowed by this one's few failures");
        assertEquals(0, throttle.waitMillis("other", "10.0.0.9"), "nor another user");
        now.addAndGet(LoginThrottle.FORGET_MILLIS + LoginThrottle.MAX_DELAY_MILLIS);
        throttle.failed("city", "10.0.0.9");
        assertEquals(0, throttle.waitMillis("city", "10.0.0.9"), "an old count is forgotten");
        assertEquals(LoginThrottle.MAX_DELAY_MILLIS, LoginThrottle.delay(1_000), "capped, never a permanent lock");
    }

    @Test
    void guessesSpreadOverManySourcesSlowTheUserDownExceptFromTheUsualSource() {
        throttle.succeeded("city", "192.168.1.20");
        for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
            String source = "203.0.113." + i;
            assertEquals(0, throttle.waitMillis("city", source));
            throttle.failed("city", source);
        }
        assertTrue(throttle.waitMillis("city", "198.51.100.1") > 0, "a fresh address of the guesser waits too");
        assertEquals(0, throttle.waitMillis("city", "192.168.1.20"), "the real user's usual source is not locked out");
        throttle.failed("city", "192.168.1.20");
        assertEquals(0, throttle.waitMillis("city", "192.168.1.20"), "a typo at the usual source counts only there");
    }

    @Test
    void anIpv6ClientCannotTakeAFreshAddressForEveryGuess() {
        assertEquals("2001:0db8:0001:0002::/64", LoginThrottle.source("2001:db8:1:2:a:b:c:d"));
        assertEquals("2001:0db8:0001:0002::/64", LoginThrottle.source("[2001:db8:1:2::ffff]"));
        assertEquals("203.0.113.7", LoginThrottle.source("::ffff:203.0.113.7"), "IPv4-mapped is the IPv4 address");
        assertEquals("203.0.113.7", LoginThrottle.source("203.0.113.7"));
        assertEquals("unknown", LoginThrottle.source("unknown"));
        for (int i = 0; i <= LoginThrottle.FREE_PER_SOURCE; i++) {
            throttle.failed("city", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertTrue(throttle.waitMillis("city", "2001:db8:1:2::ffff") > 0, "the same /64 is the same source");
        assertEquals(0, throttle.waitMillis("city", "2001:db8:1:3::1"));
    }

    @Test
    void aFloodOfRandomNamesFromRandomAddressesStaysBounded() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int flood = 5 * LoginThrottle.CAPACITY;
        for (int i = 0; i < flood; i++) {
            String user = Long.toHexString(random.nextLong());
            String source = random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            throttle.failed(user, source);
            if (i % 7 == 0) {
                throttle.succeeded(user, source);
            }
        }
        assertTrue(throttle.tracked() <= 3 * LoginThrottle.CAPACITY, "tracked: " + throttle.tracked());
        throttle.failed("city", "10.0.0.1");
        assertTrue(throttle.tracked() <= 3 * LoginThrottle.CAPACITY);
    }

    @Test
    void boundedMapEvictsTheLeastRecentlyUsedAndExpires() {
        BoundedExpiringMap<String, Integer> map = new BoundedExpiringMap<>(3, 100, now::get);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);
        assertEquals(1, map.get("a"));
        map.put("d", 4);
        assertEquals(3, map.size());
        assertEquals(null, map.get("b"), "b was the least recently used");
        assertEquals(1, map.get("a"));
        now.addAndGet(100);
        assertEquals(null, map.get("a"), "expired");
    }
}
