package cn.supervision.rest.internal;

import static cn.supervision.rest.bounds.ClientAddressTest.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.junit.jupiter.api.Test;

import cn.supervision.api.audit.AuditAction;

/**
 * Behind a trusted proxy, the gateway's first filter resolves the client once, and the login throttle (HTTP Basic and
 * the console's login) and the audit trail all get that address; from any other peer the header changes nothing.
 */
class ClientAddressFilterTest {
    private final SessionAuthenticationTest.Realm realm = new SessionAuthenticationTest.Realm();
    private final AuditFilterTest.Recorder audit = new AuditFilterTest.Recorder();
    private final SessionStore sessions = new SessionStore(new SessionStoreTest.Moving(), Duration.ofMinutes(30), Duration.ofHours(12), 10);
    private final BasicAuthenticationFilter authentication = new BasicAuthenticationFilter(realm, sessions,
            Requests.trusting(Requests.Protected.class), Requests.matched(Requests.Protected.class, "any"));

    /** Runs {@code work} as CXF would, with {@code http} as the current message's servlet request. */
    private static void inGateway(HttpServletRequest http, Runnable work) {
        Message in = new MessageImpl();
        Exchange exchange = new ExchangeImpl();
        exchange.setInMessage(in);
        in.setExchange(exchange);
        in.put(AbstractHTTPDestination.HTTP_REQUEST, http);
        PhaseInterceptorChain chain = new PhaseInterceptorChain(new java.util.TreeSet<>(List.of(new Phase(Phase.INVOKE, 1))));
        chain.add(new AbstractPhaseInterceptor<Message>(Phase.INVOKE) {
            @Override
            public void handleMessage(Message message) throws Fault {
                work.run();
            }
        });
        chain.doIntercept(in);
    }

    /** A Basic request through the gateway's filters, as they are ordered there; the source the realm and the trail got. */
    private void basicWrite(ClientAddressFilter first, HttpServletRequest http) {
        inGateway(http, () -> {
            Requests.Request r = new Requests.Request();
            r.method = "POST";
            r.headers.put("Authorization", AuditFilterTest.basic("city-admin", "wrong"));
            first.filter(r.context());
            authentication.filter(r.context());
            new AuditFilter(audit).filter(AuditFilterTest.request("POST", "v1/things", null,
                    AuditFilterTest.basic("city-admin", "wrong"), new AuditFilterTest.Exchange()), AuditFilterTest.response(401, null));
        });
    }

    @Test
    void behindATrustedProxyTheThrottleAndTheTrailSeeTheForwardedClient() {
        basicWrite(new ClientAddressFilter("10.0.0.0/8"),
                request("10.0.0.2", "6.6.6.6, 198.51.100.9"));
        assertEquals(List.of("198.51.100.9"), realm.sources);
        assertEquals(AuditAction.LOGIN_FAILED, audit.events.get(0).action());
        assertEquals("198.51.100.9", audit.events.get(0).source());
        assertEquals("198.51.100.9", audit.events.get(1).source(), "the write's entry too");

        HttpServletRequest console = request("10.0.0.2", "198.51.100.10");
        inGateway(console, () -> new ClientAddressFilter("10.0.0.0/8").filter(new Requests.Request().context()));
        new SessionResource(realm, sessions, audit, List.of()).login(new SessionResource.Login("city-admin", "city-admin-demo"), console);
        assertEquals("198.51.100.10", realm.sources.get(1), "the console's login");
        assertEquals("198.51.100.10", audit.events.get(2).source());
    }

    @Test
    void fromAnyOtherPeerOrWithoutTheSettingTheHeaderChangesNothing() {
        basicWrite(new ClientAddressFilter("10.0.0.0/8"), request("203.0.113.7", "198.51.100.9"));
        basicWrite(new ClientAddressFilter(""), request("10.0.0.2", "198.51.100.9"));
        assertEquals(List.of("203.0.113.7", "10.0.0.2"), realm.sources);
        assertEquals("203.0.113.7", audit.events.get(0).source());
        assertEquals("10.0.0.2", audit.events.get(2).source());
    }

    @Test
    void aListThatCannotBeReadTrustsNoProxy() {
        assertFalse(ClientAddressFilter.configured("10.0.0.0/8, haproxy").readsHeader());
        basicWrite(new ClientAddressFilter("10.0.0.0/8, haproxy"), request("10.0.0.2", "198.51.100.9"));
        assertEquals(List.of("10.0.0.2"), realm.sources);
    }
}
