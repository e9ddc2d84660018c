package cn.supervision.soap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import cn.supervision.api.audit.AuditAction;
import cn.supervision.api.audit.AuditEvent;
import cn.supervision.api.audit.AuditLog;
import cn.supervision.api.security.Authenticator;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.rest.bounds.ClientAddress;
import cn.supervision.testing.fakes.FakeAuditLog;
import cn.supervision.testing.fakes.FakeHttpServletRequest;

/**
 * Behind HAProxy every SOAP request comes from the proxy: the login throttle and the audit trail must key on the client
 * it forwarded (as REST does, by the same trustedProxies setting), and on the TCP peer when that is not a trusted
 * proxy, whatever X-Forwarded-For it sent.
 */
class SoapClientAddressTest {
    private static final String PROXY = "10.0.0.2";
    private static final String PARTNER = "203.0.113.7";

    /** What the realm was asked with: the source of each attempt. */
    private final List<String> sources = new ArrayList<>();
    private final List<AuditEvent> trail = new ArrayList<>();

    private final Authenticator realm = new Authenticator() {
        @Override
        public Optional<Caller> authenticate(String username, char[] password) {
            throw new AssertionError("the adapter must pass the source");
        }

        @Override
        public Optional<Caller> authenticate(String username, char[] password, String source) {
            sources.add(source);
            return "right".equals(new String(password))
                    ? Optional.of(new Caller(username, EnumSet.of(Role.CITY_ADMIN), "370500", null))
                    : Optional.empty();
        }
    };

    private final AuditLog audit = new FakeAuditLog() {
        @Override
        public void record(AuditEvent event) {
            trail.add(event);
        }
    };

    /** A servlet request from {@code peer} with one X-Forwarded-For line (none when null). */
    private static HttpServletRequest request(String peer, String forwardedFor) {
        Map<String, Object> attributes = new HashMap<>();
        return new FakeHttpServletRequest() {
            @Override
            public String getRemoteAddr() {
                return peer;
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return Collections.enumeration(forwardedFor != null && ClientAddress.HEADER.equalsIgnoreCase(name)
                        ? List.of(forwardedFor) : List.<String>of());
            }

            @Override
            public Object getAttribute(String name) {
                return attributes.get(name);
            }

            @Override
            public void setAttribute(String name, Object value) {
                attributes.put(name, value);
            }
        };
    }

    /** A SOAP request with a UsernameToken, arriving over {@code http}. */
    private static SoapMessage soap(HttpServletRequest http, String password) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().newDocument();
        String wsse = UsernameTokenInterceptor.WSSE;
        Element security = d.createElementNS(wsse, "wsse:Security");
        Element token = d.createElementNS(wsse, "wsse:UsernameToken");
        Element user = d.createElementNS(wsse, "wsse:Username");
        user.setTextContent("partner");
        Element secret = d.createElementNS(wsse, "wsse:Password");
        secret.setTextContent(password);
        token.appendChild(user);
        token.appendChild(secret);
        security.appendChild(token);
        SoapMessage in = new SoapMessage(new MessageImpl());
        in.getHeaders().add(new Header(UsernameTokenInterceptor.SECURITY, security));
        in.put("HTTP.REQUEST", http);
        Exchange exchange = new ExchangeImpl();
        exchange.setInMessage(in);
        in.setExchange(exchange);
        return in;
    }

    /** A login through the UsernameToken check and the audit recorder, as the endpoint chains run them. */
    private void login(ClientAddress addresses, HttpServletRequest http, String password) throws Exception {
        SoapMessage in = soap(http, password);
        Message out = new MessageImpl();
        out.setExchange(in.getExchange());
        try {
            new UsernameTokenInterceptor(realm, addresses).handleMessage(in);
            in.getExchange().setOutMessage(out);
        } catch (Fault fault) {
            in.getExchange().setOutFaultMessage(out);
            out.setContent(Exception.class, fault);
        }
        new SoapAudit.Recorder(audit, addresses).handleMessage(out);
    }

    private AuditEvent last() {
        return trail.get(trail.size() - 1);
    }

    @Test
    void behindATrustedProxyTheThrottleAndTheTrailSeeTheForwardedClient() throws Exception {
        ClientAddress addresses = ClientAddress.configured("10.0.0.0/8", "SOAP");
        login(addresses, request(PROXY, PARTNER), "wrong");
        assertEquals(List.of(PARTNER), sources, "throttled as the partner, not as the proxy every partner shares");
        assertEquals(AuditAction.LOGIN_FAILED, last().action());
        assertEquals(PARTNER, last().source());

        login(addresses, request(PROXY, "198.51.100.9, " + PARTNER), "right");
        assertEquals(PARTNER, sources.get(1), "right-most hop that is not a trusted proxy");
        assertEquals(AuditAction.LOGIN_SUCCEEDED, last().action());
        assertEquals(PARTNER, last().source());
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() throws Exception {
        ClientAddress addresses = ClientAddress.configured("10.0.0.0/8", "SOAP");
        login(addresses, request("198.51.100.20", PARTNER), "wrong");
        assertEquals(List.of("198.51.100.20"), sources, "a guesser cannot throttle, or hide as, someone else by the header");
        assertEquals("198.51.100.20", last().source());
    }

    @Test
    void withNoTrustedProxyThePeerIsTheClientAsBefore() throws Exception {
        ClientAddress addresses = ClientAddress.configured("", "SOAP");
        login(addresses, request(PROXY, PARTNER), "wrong");
        assertEquals(List.of(PROXY), sources);
        assertEquals(PROXY, last().source());
    }

    @Test
    void anUnreadableListTrustsNoProxyLikeRest() throws Exception {
        ClientAddress addresses = ClientAddress.configured("10.0.0.0/8, haproxy", "SOAP");
        login(addresses, request(PROXY, PARTNER), "wrong");
        assertEquals(List.of(PROXY), sources);
        assertEquals(PROXY, last().source());
    }
}
