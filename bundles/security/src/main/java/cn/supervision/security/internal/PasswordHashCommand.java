package cn.supervision.security.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * Prints a hash to paste into etc/supervision-users.properties, after checking the {@link PasswordPolicy}: this is
 * where a weak password can still be seen, the users file only ever holds hashes.
 */
@Command(scope = "supervision", name = "password-hash",
        description = "Hashes a password for etc/supervision-users.properties (asks for it when not given); weak ones are refused")
@Service
public class PasswordHashCommand implements Action {

    @Option(name = "-u", aliases = "--user", required = true, description = "the user the password is for (it must not contain the name)")
    String user;

    @Argument(index = 0, name = "password", description = "the password; omit to be prompted without echo")
    String password;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        String secret = password != null ? password : session.readLine("Password: ", '*');
        System.out.println(hashOrReasons(user, secret == null ? new char[0] : secret.toCharArray()));
        return null;
    }

    /** The line to print: the hash, or why the password is refused. */
    static String hashOrReasons(String user, char[] secret) {
        try {
            List<String> problems = PasswordPolicy.problems(user, secret);
            if (!problems.isEmpty()) {
                return "密码不符合要求，未生成散列：\n- " + String.join("\n- ", problems);
            }
            return PasswordHash.hash(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
