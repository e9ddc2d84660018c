package cn.supervision.testing.fakes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.Principal;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.RequestDispatcher;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import javax.servlet.http.HttpUpgradeHandler;
import javax.servlet.http.Part;

/**
 * A {@link HttpServletRequest} (Servlet 3.1, the API the bundles compile against) that answers nothing: every method,
 * those of {@link ServletRequest} too, throws, so a test subclasses it anonymously (or as a small named class with the
 * state it needs, such as headers or attributes) and overrides only what the code under test calls; the compiler checks
 * those overrides against the interface.
 */
public class FakeHttpServletRequest implements HttpServletRequest {
    @Override
    public String getAuthType() {
        throw unused("getAuthType");
    }

    @Override
    public Cookie[] getCookies() {
        throw unused("getCookies");
    }

    @Override
    public long getDateHeader(String name) {
        throw unused("getDateHeader");
    }

    @Override
    public String getHeader(String name) {
        throw unused("getHeader");
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        throw unused("getHeaders");
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        throw unused("getHeaderNames");
    }

    @Override
    public int getIntHeader(String name) {
        throw unused("getIntHeader");
    }

    @Override
    public String getMethod() {
        throw unused("getMethod");
    }

    @Override
    public String getPathInfo() {
        throw unused("getPathInfo");
    }

    @Override
    public String getPathTranslated() {
        throw unused("getPathTranslated");
    }

    @Override
    public String getContextPath() {
        throw unused("getContextPath");
    }

    @Override
    public String getQueryString() {
        throw unused("getQueryString");
    }

    @Override
    public String getRemoteUser() {
        throw unused("getRemoteUser");
    }

    @Override
    public boolean isUserInRole(String role) {
        throw unused("isUserInRole");
    }

    @Override
    public Principal getUserPrincipal() {
        throw unused("getUserPrincipal");
    }

    @Override
    public String getRequestedSessionId() {
        throw unused("getRequestedSessionId");
    }

    @Override
    public String getRequestURI() {
        throw unused("getRequestURI");
    }

    @Override
    public StringBuffer getRequestURL() {
        throw unused("getRequestURL");
    }

    @Override
    public String getServletPath() {
        throw unused("getServletPath");
    }

    @Override
    public HttpSession getSession(boolean create) {
        throw unused("getSession");
    }

    @Override
    public HttpSession getSession() {
        throw unused("getSession");
    }

    @Override
    public String changeSessionId() {
        throw unused("changeSessionId");
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        throw unused("isRequestedSessionIdValid");
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        throw unused("isRequestedSessionIdFromCookie");
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        throw unused("isRequestedSessionIdFromURL");
    }

    @Override
    public boolean isRequestedSessionIdFromUrl() {
        throw unused("isRequestedSessionIdFromUrl");
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        throw unused("authenticate");
    }

    @Override
    public void login(String username, String password) throws ServletException {
        throw unused("login");
    }

    @Override
    public void logout() throws ServletException {
        throw unused("logout");
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        throw unused("getParts");
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        throw unused("getPart");
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
        throw unused("upgrade");
    }

    // ServletRequest

    @Override
    public Object getAttribute(String name) {
        throw unused("getAttribute");
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        throw unused("getAttributeNames");
    }

    @Override
    public String getCharacterEncoding() {
        throw unused("getCharacterEncoding");
    }

    @Override
    public void setCharacterEncoding(String encoding) throws UnsupportedEncodingException {
        throw unused("setCharacterEncoding");
    }

    @Override
    public int getContentLength() {
        throw unused("getContentLength");
    }

    @Override
    public long getContentLengthLong() {
        throw unused("getContentLengthLong");
    }

    @Override
    public String getContentType() {
        throw unused("getContentType");
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        throw unused("getInputStream");
    }

    @Override
    public String getParameter(String name) {
        throw unused("getParameter");
    }

    @Override
    public Enumeration<String> getParameterNames() {
        throw unused("getParameterNames");
    }

    @Override
    public String[] getParameterValues(String name) {
        throw unused("getParameterValues");
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        throw unused("getParameterMap");
    }

    @Override
    public String getProtocol() {
        throw unused("getProtocol");
    }

    @Override
    public String getScheme() {
        throw unused("getScheme");
    }

    @Override
    public String getServerName() {
        throw unused("getServerName");
    }

    @Override
    public int getServerPort() {
        throw unused("getServerPort");
    }

    @Override
    public BufferedReader getReader() throws IOException {
        throw unused("getReader");
    }

    @Override
    public String getRemoteAddr() {
        throw unused("getRemoteAddr");
    }

    @Override
    public String getRemoteHost() {
        throw unused("getRemoteHost");
    }

    @Override
    public void setAttribute(String name, Object value) {
        throw unused("setAttribute");
    }

    @Override
    public void removeAttribute(String name) {
        throw unused("removeAttribute");
    }

    @Override
    public Locale getLocale() {
        throw unused("getLocale");
    }

    @Override
    public Enumeration<Locale> getLocales() {
        throw unused("getLocales");
    }

    @Override
    public boolean isSecure() {
        throw unused("isSecure");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw unused("getRequestDispatcher");
    }

    @Override
    public String getRealPath(String path) {
        throw unused("getRealPath");
    }

    @Override
    public int getRemotePort() {
        throw unused("getRemotePort");
    }

    @Override
    public String getLocalName() {
        throw unused("getLocalName");
    }

    @Override
    public String getLocalAddr() {
        throw unused("getLocalAddr");
    }

    @Override
    public int getLocalPort() {
        throw unused("getLocalPort");
    }

    @Override
    public ServletContext getServletContext() {
        throw unused("getServletContext");
    }

    @Override
    public AsyncContext startAsync() throws IllegalStateException {
        throw unused("startAsync");
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) throws IllegalStateException {
        throw unused("startAsync");
    }

    @Override
    public boolean isAsyncStarted() {
        throw unused("isAsyncStarted");
    }

    @Override
    public boolean isAsyncSupported() {
        throw unused("isAsyncSupported");
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw unused("getAsyncContext");
    }

    @Override
    public DispatcherType getDispatcherType() {
        throw unused("getDispatcherType");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("HttpServletRequest." + method + " is not used by this test");
    }
}
