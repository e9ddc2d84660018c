package cn.supervision.schema.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that only hands out connections, each a new one from {@link Connector}, as the migrator asks for them;
 * whatever else it is asked throws, so an unexpected call fails the test.
 */
final class ConnectingDataSource implements DataSource {
    /** Where each connection comes from. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;

    ConnectingDataSource(Connector connector) {
        this.connector = connector;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connector.connect();
    }

    @Override
    public Connection getConnection(String username, String password) {
        throw unused("getConnection(username, password)");
    }

    @Override
    public PrintWriter getLogWriter() {
        throw unused("getLogWriter");
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        throw unused("setLogWriter");
    }

    @Override
    public void setLoginTimeout(int seconds) {
        throw unused("setLoginTimeout");
    }

    @Override
    public int getLoginTimeout() {
        throw unused("getLoginTimeout");
    }

    @Override
    public Logger getParentLogger() {
        throw unused("getParentLogger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) {
        throw unused("unwrap");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        throw unused("isWrapperFor");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("DataSource." + method + " is not used by this test");
    }
}
