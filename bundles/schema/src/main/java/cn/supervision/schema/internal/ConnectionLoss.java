package cn.supervision.schema.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure was the connection going away rather than the changelog: at boot pax-jdbc-config replaces the
 * DataSource when the transaction manager re-registers, and a migration in flight on the old pool sees
 * "No current connection" (SQLState 08003). Such a migration is worth running again on a new connection.
 */
final class ConnectionLoss {

    private ConnectionLoss() {
    }

    static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (state != null && state.startsWith("08")) {
                    return true;
                }
            }
        }
        return false;
    }
}
