package cn.supervision.security.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** Prints a hash to paste into etc/supervision-users.properties. */
@Command(scope = "supervision", name = "password-hash",
        description = "Hashes a password for etc/supervision-users.properties (asks for it when not given)")
@Service
public class PasswordHashCommand implements Action {

    @Argument(index = 0, name = "password", description = "the password; omit to be prompted without echo")
    String password;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        String secret = password != null ? password : session.readLine("Password: ", '*');
        if (secret == null || secret.length() < 8) {
            System.out.println("密码至少需要 8 个字符 (a password needs at least 8 characters)");
        } else {
            System.out.println(PasswordHash.hash(secret.toCharArray()));
        }
        return null;
    }
}
