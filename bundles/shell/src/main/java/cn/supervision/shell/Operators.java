package cn.supervision.shell;

import org.apache.karaf.shell.api.console.Session;

import cn.supervision.api.security.Caller;

/** Shell users are Karaf administrators: they act with the platform's full scope, under their own name. */
final class Operators {
    private Operators() {
    }

    static Caller caller(Session session) {
        Object user = session == null ? null : session.get("USER");
        return Caller.system("shell:" + (user == null ? "console" : user));
    }
}
