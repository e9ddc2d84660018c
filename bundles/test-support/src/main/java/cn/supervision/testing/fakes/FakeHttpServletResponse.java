package cn.supervision.testing.fakes;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;

import javax.servlet.ServletOutputStream;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

/**
 * A {@link HttpServletResponse} (Servlet 3.1) that answers nothing: every method, those of
 * {@link javax.servlet.ServletResponse} too, throws, so a test subclasses it and overrides only what the code under test
 * calls (typically recording the status, the headers and the body); the compiler checks those overrides against the
 * interface.
 */
public class FakeHttpServletResponse implements HttpServletResponse {
    @Override
    public void addCookie(Cookie cookie) {
        throw unused("addCookie");
    }

    @Override
    public boolean containsHeader(String name) {
        throw unused("containsHeader");
    }

    @Override
    public String encodeURL(String url) {
        throw unused("encodeURL");
    }

    @Override
    public String encodeRedirectURL(String url) {
        throw unused("encodeRedirectURL");
    }

    @Override
    public String encodeUrl(String url) {
        throw unused("encodeUrl");
    }

    @Override
    public String encodeRedirectUrl(String url) {
        throw unused("encodeRedirectUrl");
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        throw unused("sendError");
    }

    @Override
    public void sendError(int status) throws IOException {
        throw unused("sendError");
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        throw unused("sendRedirect");
    }

    @Override
    public void setDateHeader(String name, long date) {
        throw unused("setDateHeader");
    }

    @Override
    public void addDateHeader(String name, long date) {
        throw unused("addDateHeader");
    }

    @Override
    public void setHeader(String name, String value) {
        throw unused("setHeader");
    }

    @Override
    public void addHeader(String name, String value) {
        throw unused("addHeader");
    }

    @Override
    public void setIntHeader(String name, int value) {
        throw unused("setIntHeader");
    }

    @Override
    public void addIntHeader(String name, int value) {
        throw unused("addIntHeader");
    }

    @Override
    public void setStatus(int status) {
        throw unused("setStatus");
    }

    @Override
    public void setStatus(int status, String message) {
        throw unused("setStatus");
    }

    @Override
    public int getStatus() {
        throw unused("getStatus");
    }

    @Override
    public String getHeader(String name) {
        throw unused("getHeader");
    }

    @Override
    public Collection<String> getHeaders(String name) {
        throw unused("getHeaders");
    }

    @Override
    public Collection<String> getHeaderNames() {
        throw unused("getHeaderNames");
    }

    // ServletResponse

    @Override
    public String getCharacterEncoding() {
        throw unused("getCharacterEncoding");
    }

    @Override
    public String getContentType() {
        throw unused("getContentType");
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        throw unused("getOutputStream");
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        throw unused("getWriter");
    }

    @Override
    public void setCharacterEncoding(String encoding) {
        throw unused("setCharacterEncoding");
    }

    @Override
    public void setContentLength(int length) {
        throw unused("setContentLength");
    }

    @Override
    public void setContentLengthLong(long length) {
        throw unused("setContentLengthLong");
    }

    @Override
    public void setContentType(String contentType) {
        throw unused("setContentType");
    }

    @Override
    public void setBufferSize(int size) {
        throw unused("setBufferSize");
    }

    @Override
    public int getBufferSize() {
        throw unused("getBufferSize");
    }

    @Override
    public void flushBuffer() throws IOException {
        throw unused("flushBuffer");
    }

    @Override
    public void resetBuffer() {
        throw unused("resetBuffer");
    }

    @Override
    public boolean isCommitted() {
        throw unused("isCommitted");
    }

    @Override
    public void reset() {
        throw unused("reset");
    }

    @Override
    public void setLocale(Locale locale) {
        throw unused("setLocale");
    }

    @Override
    public Locale getLocale() {
        throw unused("getLocale");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("HttpServletResponse." + method + " is not used by this test");
    }
}
