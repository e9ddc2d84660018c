package cn.supervision.rest.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import cn.supervision.testing.fakes.FakeHttpServletRequest;

/** Which address a request counts as coming from, behind trusted proxies or not. */
public class ClientAddressTest {
    private final ClientAddress proxies = ClientAddress.trusting("127.0.0.1, 10.0.0.0/8, fd00::/8");

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("203.0.113.7", proxies.resolve("203.0.113.7", List.of("198.51.100.1")));
        assertEquals("203.0.113.7", proxies.resolve("203.0.113.7", List.of("10.0.0.1, 127.0.0.1")),
                "naming a trusted proxy in the header does not make the peer one");
        ClientAddress none = ClientAddress.trusting("");
        assertFalse(none.readsHeader());
        assertEquals("10.0.0.5", none.resolve("10.0.0.5", List.of("198.51.100.1")), "no proxy configured: the header is ignored");
        assertEquals("10.0.0.5", ClientAddress.direct().resolve("10.0.0.5", List.of("198.51.100.1")));
        assertEquals("11.0.0.1", proxies.resolve("11.0.0.1", List.of("198.51.100.1")), "10.0.0.0/8 ends at 10.255.255.255");
    }

    @Test
    void theRightMostAddressThatIsNoTrustedProxyIsTheClient() {
        assertEquals("198.51.100.9", proxies.resolve("10.0.0.2", List.of("198.51.100.9")), "one proxy (HAProxy)");
        assertEquals("198.51.100.9", proxies.resolve("10.0.0.2", List.of("6.6.6.6, 198.51.100.9, 10.0.0.1")),
                "a chain of proxies; what the client wrote left of its own address is not read");
        assertEquals("198.51.100.9", proxies.resolve("127.0.0.1", List.of("6.6.6.6", "198.51.100.9, 10.1.2.3")),
                "several header lines are one list, in order");
        assertEquals("10.0.0.3", proxies.resolve("127.0.0.1", List.of("10.0.0.3")),
                "every hop a trusted proxy (a check from the proxy's host): the left-most is the client");
        assertEquals("2001:db8:0:0:0:0:0:1", proxies.resolve("fd12::1", List.of("2001:db8::1")), "IPv6 proxies and clients");
        assertEquals("198.51.100.9", proxies.resolve("::ffff:10.0.0.2", List.of("198.51.100.9")),
                "an IPv4-mapped peer is its IPv4 address");
        assertEquals("198.51.100.9", proxies.resolve("10.0.0.2", List.of("198.51.100.9:51234")), "a port is dropped");
        assertEquals("2001:db8:0:0:0:0:0:1", proxies.resolve("10.0.0.2", List.of("[2001:db8::1]:443")));
    }

    @Test
    void aMalformedHeaderNeverYieldsAnythingButAnAddress() {
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of()), "no header: the proxy itself");
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("")));
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("unknown")));
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("198.51.100.9, <script>")),
                "garbage right of the client: stop at the last address vouched for");
        assertEquals("198.51.100.9", proxies.resolve("10.0.0.2", List.of("<script>, 198.51.100.9")),
                "garbage left of the client is never read");
        assertEquals("10.0.0.1", proxies.resolve("10.0.0.2", List.of("garbage, 10.0.0.1")),
                "garbage behind a trusted hop: the nearest vouched-for hop");
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("999.1.1.1")));
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("example.com")), "names are not looked up");
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("198.51.100.9:http")));
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("[2001:db8::1")));
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("1".repeat(100))));
        assertEquals("198.51.100.9", proxies.resolve("10.0.0.2", List.of(" 198.51.100.9 ")), "spaces around a hop are fine");
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("198.51.100.9, ,")), "an empty hop is malformed");
        String padded = String.join(", ", Collections.nCopies(ClientAddress.MAX_HOPS + 5, "10.0.0.7"));
        assertEquals("10.0.0.7", proxies.resolve("10.0.0.2", List.of("198.51.100.9, " + padded)),
                "a header padded with trusted hops is read only so far");
        assertNull(ClientAddress.literal("1.2.3"));
        assertNull(ClientAddress.literal("localhost"));
    }

    @Test
    void theListTakesAddressesAndNetworksAndRefusesAnythingElse() {
        ClientAddress v6 = ClientAddress.trusting("2001:db8:1::/48 192.168.1.1");
        assertEquals("198.51.100.9", v6.resolve("2001:db8:1:ffff::9", List.of("198.51.100.9")));
        assertEquals("2001:db8:2::9", v6.resolve("2001:db8:2::9", List.of("198.51.100.9")), "an untrusted peer exactly as given");
        assertEquals("198.51.100.9", v6.resolve("192.168.1.1", List.of("198.51.100.9")));
        assertEquals("192.168.1.2", v6.resolve("192.168.1.2", List.of("198.51.100.9")), "a bare address is a /32");
        assertEquals("198.51.100.9", ClientAddress.trusting("10.1.2.128/25").resolve("10.1.2.200", List.of("198.51.100.9")));
        assertEquals("10.1.2.100", ClientAddress.trusting("10.1.2.128/25").resolve("10.1.2.100", List.of("198.51.100.9")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientAddress.trusting("10.0.0.0/8, 10.0.0.0/33, haproxy.local, 10.0.0.0/x"));
        assertTrue(e.getMessage().startsWith("trustedProxies: 无法识别 10.0.0.0/33, haproxy.local, 10.0.0.0/x（"), e.getMessage());
    }

    @Test
    void theGatewayResolvesOnceAndEveryoneReadsTheSameAddress() {
        HttpServletRequest request = request("10.0.0.2", "6.6.6.6, 198.51.100.9");
        assertEquals("10.0.0.2", ClientAddress.of(request), "not resolved by the gateway: the TCP peer");
        proxies.mark(request);
        assertEquals("198.51.100.9", ClientAddress.of(request));
        assertNull(ClientAddress.of(null));
    }

    /** A servlet request from {@code peer} with one X-Forwarded-For line (none when null); the gateway's tests use it too. */
    public static HttpServletRequest request(String peer, String forwardedFor) {
        Map<String, Object> attributes = new HashMap<>();
        return new FakeHttpServletRequest() {
            @Override
            public String getRemoteAddr() {
                return peer;
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return Collections.enumeration(ClientAddress.HEADER.equalsIgnoreCase(name)
                        && forwardedFor != null ? List.of(forwardedFor) : List.<String>of());
            }

            @Override
            public Object getAttribute(String name) {
                return attributes.get(name);
            }

            @Override
            public void setAttribute(String name, Object value) {
                attributes.put(name, value);
            }

            @Override
            public boolean isSecure() {
                return true;
            }
        };
    }
}
