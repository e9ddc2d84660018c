package cn.supervision.soap.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import cn.supervision.api.security.Authenticator;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.LoginThrottledException;
import cn.supervision.rest.bounds.ClientAddress;

/**
 * WS-Security UsernameToken (OASIS UsernameToken Profile 1.0, PasswordText) checked against the
 * platform's JAAS realm. Requests without a valid token get a {@code wsse:FailedAuthentication} fault
 * before they reach a service. PasswordText needs TLS in production (terminated at the proxy or Karaf).
 */
public class UsernameTokenInterceptor extends AbstractSoapInterceptor {
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final QName SECURITY = new QName(WSSE, "Security");
    static final QName FAILED_AUTHENTICATION = new QName(WSSE, "FailedAuthentication");
    static final QName UNSUPPORTED_TOKEN = new QName(WSSE, "UnsupportedSecurityToken");
    static final String PASSWORD_DIGEST = "#PasswordDigest";
    private static final String CALLER = Caller.class.getName();

    private final Authenticator authenticator;
    private final ClientAddress addresses;

    /** {@code addresses}: REST's trustedProxies policy, so a partner behind the proxy is throttled as itself. */
    public UsernameTokenInterceptor(Authenticator authenticator, ClientAddress addresses) {
        super(Phase.PRE_PROTOCOL);
        this.authenticator = authenticator;
        this.addresses = addresses;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        Header security = message.getHeader(SECURITY);
        if (security == null || !(security.getObject() instanceof Element header)) {
            throw fault("缺少 WS-Security UsernameToken 认证信息", FAILED_AUTHENTICATION);
        }
        Element token = child(header, "UsernameToken");
        Element user = token == null ? null : child(token, "Username");
        Element password = token == null ? null : child(token, "Password");
        if (user == null || password == null) {
            throw fault("UsernameToken 缺少 Username 或 Password", FAILED_AUTHENTICATION);
        }
        String type = password.getAttribute("Type");
        if (type != null && type.endsWith(PASSWORD_DIGEST)) {
            throw fault("仅支持 PasswordText 类型的 UsernameToken", UNSUPPORTED_TOKEN);
        }
        char[] secret = password.getTextContent().trim().toCharArray();
        try {
            Optional<Caller> caller;
            try {
                caller = authenticator.authenticate(user.getTextContent().trim(), secret, source(message));
            } catch (LoginThrottledException e) {
                throw fault(e.getMessage(), FAILED_AUTHENTICATION);
            }
            message.put(CALLER, caller.orElseThrow(() -> fault("用户名或密码错误", FAILED_AUTHENTICATION)));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * The client's address (failed logins are throttled per user and source): behind a trusted proxy the forwarded
     * client, not the proxy, or one guesser would delay every partner's logins.
     */
    private String source(SoapMessage message) {
        return source(addresses, message);
    }

    /** The client of a SOAP request, as REST would resolve it (the audit trail records the same one). */
    static String source(ClientAddress addresses, Message message) {
        Object http = message.get("HTTP.REQUEST"); // AbstractHTTPDestination.HTTP_REQUEST, as in BodyLimitInterceptor
        return http instanceof HttpServletRequest r ? addresses.resolve(r) : null;
    }

    /** The caller authenticated for the SOAP request being processed on this thread. */
    static Caller currentCaller() {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        Object caller = m == null ? null : m.getExchange().getInMessage().get(CALLER);
        if (!(caller instanceof Caller c)) {
            throw new IllegalStateException("SOAP request reached a service without authentication");
        }
        return c;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WSSE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Fault fault(String message, QName code) {
        Fault f = new Fault(new SecurityException(message));
        f.setFaultCode(code);
        f.setMessage(message);
        return f;
    }
}
