package cn.supervision.rest.bounds;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's address: the TCP peer, unless the peer is one of the configured trusted proxies
 * ({@code trustedProxies} of {@code etc/cn.supervision.rest.cfg}, e.g. {@code 127.0.0.1, 10.0.0.0/8}); then it is the
 * right-most {@code X-Forwarded-For} address that is not a trusted proxy itself. Everything left of that address was
 * written by the client or by proxies nobody vouches for, so it is never read. With no trusted proxies (the default)
 * the header is ignored, as any client can write it.
 *
 * <p>The gateway resolves the address once per request, before authentication, and leaves it on the servlet request
 * ({@link #ATTRIBUTE}); whoever needs it (login throttling, the audit trail, the shared questionnaire link's limit)
 * reads it with {@link #of(HttpServletRequest)}. SOAP applies the same setting through {@link #configured} and
 * {@link #resolve(HttpServletRequest)}, so a partner behind the proxy is throttled and audited as the same client
 * REST would see.
 */
public final class ClientAddress {
    /** The servlet request attribute the gateway leaves the resolved address in. */
    public static final String ATTRIBUTE = ClientAddress.class.getName();
    public static final String HEADER = "X-Forwarded-For";
    /** Hops read from the right at most: a chain longer than that is someone padding the header. */
    static final int MAX_HOPS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(ClientAddress.class);

    /** Only address literals are parsed: a host name would make {@link InetAddress} ask the DNS. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final List<Network> trusted;

    private ClientAddress(List<Network> trusted) {
        this.trusted = trusted;
    }

    /** A network of trusted proxies: an address and how many leading bits of it count. */
    record Network(byte[] address, int bits) {
        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != address.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (b[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((b[whole] ^ address[whole]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }
    }

    /** Resolves nothing: the TCP peer is the client (no proxy in front). */
    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    /**
     * The trusted proxies of a comma-separated list of addresses and CIDR networks ({@code 127.0.0.1, 10.0.0.0/8,
     * fd00::/8}); blank trusts none. An entry that is not an address literal or network is refused, so a typo cannot
     * quietly trust the wrong peer.
     *
     * @throws IllegalArgumentException naming the entries that cannot be read
     */
    public static ClientAddress trusting(String trustedProxies) {
        List<Network> networks = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        if (trustedProxies != null) {
            for (String entry : trustedProxies.split("[,\\s]+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                Network n = network(entry);
                if (n == null) {
                    wrong.add(entry);
                } else {
                    networks.add(n);
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("trustedProxies: 无法识别 " + String.join(", ", wrong)
                    + "（应为 IP 地址或 CIDR 网段，如 127.0.0.1, 10.0.0.0/8, fd00::/8）");
        }
        return new ClientAddress(List.copyOf(networks));
    }

    /**
     * The {@code trustedProxies} setting as an adapter ({@code adapter}: REST, SOAP) applies it. A list that cannot be
     * read trusts no proxy (the header is ignored, as with none configured) and says so in the log: the adapter stays
     * up and never believes a header it was not told to.
     */
    public static ClientAddress configured(String trustedProxies, String adapter) {
        try {
            ClientAddress a = trusting(trustedProxies);
            if (a.readsHeader()) {
                LOG.info("{} 客户端地址：来自受信代理 {} 的请求取 X-Forwarded-For 中最右侧的非代理地址", adapter, trustedProxies.trim());
            }
            return a;
        } catch (IllegalArgumentException e) {
            LOG.error("etc/cn.supervision.rest.cfg 的 {}；{} 不信任任何代理，客户端地址一律取 TCP 对端", e.getMessage(), adapter);
            return direct();
        }
    }

    /** Whether any proxy is trusted, i.e. whether the header is read at all. */
    public boolean readsHeader() {
        return !trusted.isEmpty();
    }

    /**
     * The client of a request that came from {@code peer} (the TCP peer) with these {@code X-Forwarded-For} header
     * values (each may hold several comma-separated hops, the last appended by the nearest proxy).
     */
    public String resolve(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(literal(peer))) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor == null ? List.<String>of() : forwardedFor) {
            if (value != null) {
                for (String hop : value.split(",")) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // not an address: written by someone we do not trust (a trusted proxy writes addresses), so the
                // nearest address we could vouch for is the client as far as we know
                return client;
            }
            client = hop.getHostAddress();
            if (!isTrusted(hop)) {
                return client;
            }
        }
        // every hop is a trusted proxy (e.g. a health check from the proxy host): the left-most one is the client
        return client;
    }

    /** The client of this request as the gateway resolved it; the TCP peer where the gateway did not see the request. */
    public static String of(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Object resolved = request.getAttribute(ATTRIBUTE);
        return resolved instanceof String s ? s : request.getRemoteAddr();
    }

    /**
     * The client of {@code request}: as already resolved for it, else resolved now (and left there for {@link #of}),
     * for adapters that have no single first step every use of the address comes after.
     */
    public String resolve(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        if (!(request.getAttribute(ATTRIBUTE) instanceof String)) {
            mark(request);
        }
        return of(request);
    }

    /** Resolves the client of {@code request} and leaves it there for {@link #of}. */
    public void mark(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HEADER);
        List<String> forwardedFor = values == null ? List.of() : Collections.list(values);
        String client = resolve(request.getRemoteAddr(), forwardedFor);
        if (client != null) {
            request.setAttribute(ATTRIBUTE, client);
        }
    }

    private boolean isTrusted(InetAddress a) {
        if (a == null) {
            return false;
        }
        for (Network n : trusted) {
            if (n.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        InetAddress a = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (a == null) {
            return null;
        }
        int max = a.getAddress().length * 8;
        int bits = max;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (bits < 0 || bits > max) {
                return null;
            }
        }
        return new Network(a.getAddress(), bits);
    }

    /**
     * An address literal as proxies write it: IPv4 ({@code 203.0.113.7}, also with a port), IPv6 (bare or in brackets,
     * with or without a port; IPv4-mapped counts as IPv4); null for anything else ({@code unknown}, names, garbage).
     */
    static InetAddress literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return null;
        }
        String host = s;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || (close + 1 < host.length() && !host.substring(close + 1).matches(":\\d{1,5}"))) {
                return null;
            }
            host = host.substring(1, close);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            // one colon: IPv4 with a port
            String port = host.substring(host.indexOf(':') + 1);
            if (!port.matches("\\d{1,5}")) {
                return null;
            }
            host = host.substring(0, host.indexOf(':'));
        }
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (IPV4.matcher(host).matches()) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        } else if (!IPV6.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
