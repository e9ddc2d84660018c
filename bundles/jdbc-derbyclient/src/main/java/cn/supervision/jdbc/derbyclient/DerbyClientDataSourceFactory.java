package cn.supervision.jdbc.derbyclient;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;

import org.apache.derby.jdbc.BasicClientDataSource40;
import org.apache.derby.jdbc.ClientConnectionPoolDataSource;
import org.apache.derby.jdbc.ClientDataSource;
import org.apache.derby.jdbc.ClientDriver;
import org.apache.derby.jdbc.ClientXADataSource;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * {@code osgi.jdbc.driver.name = derbyclient}: a Derby network server, configured by
 * {@code url = jdbc:derby://host[:port]/database[;attribute=value…]} plus optional {@code user} and {@code password}.
 */
public class DerbyClientDataSourceFactory implements DataSourceFactory {
    static final Pattern URL = Pattern.compile("jdbc:derby://([^:/;]+)(?::(\\d+))?/([^;]+)(?:;(.*))?");

    @Override
    public DataSource createDataSource(Properties props) throws SQLException {
        return configure(new ClientDataSource(), props);
    }

    @Override
    public ConnectionPoolDataSource createConnectionPoolDataSource(Properties props) throws SQLException {
        return configure(new ClientConnectionPoolDataSource(), props);
    }

    @Override
    public XADataSource createXADataSource(Properties props) throws SQLException {
        return configure(new ClientXADataSource(), props);
    }

    @Override
    public Driver createDriver(Properties props) {
        return new ClientDriver();
    }

    static <T extends BasicClientDataSource40> T configure(T ds, Properties props) throws SQLException {
        Properties p = props == null ? new Properties() : props;
        String url = p.getProperty(JDBC_URL);
        if (url != null) {
            Matcher m = URL.matcher(url.trim());
            if (!m.matches()) {
                throw new SQLException("not a Derby network URL (jdbc:derby://host[:port]/database[;attributes]): " + url);
            }
            ds.setServerName(m.group(1));
            ds.setPortNumber(m.group(2) == null ? 1527 : Integer.parseInt(m.group(2)));
            ds.setDatabaseName(m.group(3));
            if (m.group(4) != null) {
                ds.setConnectionAttributes(m.group(4));
            }
        }
        if (p.getProperty(JDBC_SERVER_NAME) != null) {
            ds.setServerName(p.getProperty(JDBC_SERVER_NAME));
        }
        if (p.getProperty(JDBC_PORT_NUMBER) != null) {
            ds.setPortNumber(Integer.parseInt(p.getProperty(JDBC_PORT_NUMBER)));
        }
        if (p.getProperty(JDBC_DATABASE_NAME) != null) {
            ds.setDatabaseName(p.getProperty(JDBC_DATABASE_NAME));
        }
        if (p.getProperty(JDBC_USER) != null) {
            ds.setUser(p.getProperty(JDBC_USER));
        }
        if (p.getProperty(JDBC_PASSWORD) != null) {
            ds.setPassword(p.getProperty(JDBC_PASSWORD));
        }
        if (ds.getDatabaseName() == null) {
            throw new SQLException("derbyclient needs url = jdbc:derby://host[:port]/database");
        }
        return ds;
    }
}
