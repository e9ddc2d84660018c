package cn.supervision.notification.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Properties;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

/**
 * etc/cn.supervision.notification.smtp.cfg, parsed: {@code host} (empty: e-mail off), {@code port} (25, 587 for
 * STARTTLS, 465 for SSL), {@code from}, optional {@code username}/{@code password}, {@code starttls}, {@code ssl},
 * {@code timeoutSeconds}. {@link #toString()} never shows the password.
 */
record SmtpSettings(String host, int port, String from, String username, String password, boolean starttls, boolean ssl,
                    int timeoutSeconds) {

    /** Null when the host is empty (e-mail off); an IllegalArgumentException naming every problem otherwise. */
    static SmtpSettings parse(Dictionary<String, ?> p) {
        String host = text(p, "host");
        if (host == null) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        boolean ssl = Boolean.parseBoolean(text(p, "ssl"));
        boolean starttls = Boolean.parseBoolean(text(p, "starttls"));
        if (ssl && starttls) {
            problems.add("ssl 与 starttls 只能选一个");
        }
        int port = number(p, "port", ssl ? 465 : starttls ? 587 : 25, 1, 65_535, problems);
        int timeout = number(p, "timeoutSeconds", 20, 1, 300, problems);
        String from = text(p, "from");
        if (from == null) {
            problems.add("from 必填（发件地址）");
        } else {
            try {
                new InternetAddress(from, true);
            } catch (AddressException e) {
                problems.add("from 不是有效的邮件地址");
            }
        }
        String username = text(p, "username");
        String password = text(p, "password");
        if (password != null && username == null) {
            problems.add("设置了 password 就必须设置 username");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        return new SmtpSettings(host, port, from, username, password, starttls, ssl, timeout);
    }

    Properties sessionProperties() {
        Properties props = new Properties();
        String protocol = ssl ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", host);
        props.put("mail." + protocol + ".port", String.valueOf(port));
        props.put("mail." + protocol + ".auth", String.valueOf(username != null));
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeoutSeconds * 1000));
        props.put("mail." + protocol + ".timeout", String.valueOf(timeoutSeconds * 1000));
        props.put("mail." + protocol + ".writetimeout", String.valueOf(timeoutSeconds * 1000));
        props.put("mail.mime.charset", "UTF-8");
        if (starttls) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (ssl || starttls) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return props;
    }

    @Override
    public String toString() {
        return host + ":" + port + (ssl ? " (SSL)" : starttls ? " (STARTTLS)" : "") + "，发件人 " + from
                + (username == null ? "，不认证" : "，用户 " + username + "，密码已设置");
    }

    private static String text(Dictionary<String, ?> p, String key) {
        Object v = p == null ? null : p.get(key);
        String s = v == null ? null : v.toString().trim();
        return s == null || s.isEmpty() ? null : s;
    }

    private static int number(Dictionary<String, ?> p, String key, int fallback, int min, int max, List<String> problems) {
        String s = text(p, key);
        if (s == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " 必须是 " + min + " 至 " + max + " 的整数");
        return fallback;
    }
}
