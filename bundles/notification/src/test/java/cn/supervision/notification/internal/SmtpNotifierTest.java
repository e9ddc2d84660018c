package cn.supervision.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Set;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.supervision.api.notification.Message;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;

class SmtpNotifierTest {
    static final UserInfo CZJ = new UserInfo("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ", "czj-user@demo.supervision.invalid", null);
    static final UserInfo NO_MAIL = new UserInfo("jyj-user", Set.of(Role.UNIT_USER), "370500", "JYJ", null, null);
    static final String PASSWORD = "Smtp-Pass-4711-secret";

    private GreenMail smtp;
    private final SmtpNotifier notifier = new SmtpNotifier();

    @BeforeEach
    void start() {
        // port 0: the system picks a free one
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("platform@demo.supervision.invalid", "platform", PASSWORD);
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private Hashtable<String, Object> config(String host) {
        Hashtable<String, Object> c = new Hashtable<>();
        c.put("host", host);
        c.put("port", String.valueOf(smtp.getSmtp().getPort()));
        c.put("from", "platform@demo.supervision.invalid");
        c.put("username", "platform");
        c.put("password", PASSWORD);
        return c;
    }

    @Test
    void sendsAChineseSubjectAndBodyInUtf8() throws Exception {
        assertFalse(notifier.accepts(CZJ), "off before it is configured");
        notifier.updated(config("127.0.0.1"));
        assertTrue(notifier.accepts(CZJ));
        assertFalse(notifier.accepts(NO_MAIL), "a user without an address is not for this channel");

        notifier.deliver(CZJ, new Message("RECTIFICATION_DUE", "整改期限将至：东营市财政局（还有 3 天）", "请于 2026年3月5日 前报送整改完成情况。",
                "/v1/rectification/notices/7"));

        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("整改期限将至：东营市财政局（还有 3 天）", mail.getSubject());
        assertEquals("czj-user@demo.supervision.invalid", mail.getAllRecipients()[0].toString());
        assertTrue(mail.getContentType().toUpperCase().contains("UTF-8"), mail.getContentType());
        String body = (String) mail.getContent();
        assertTrue(body.contains("请于 2026年3月5日 前报送整改完成情况。"), body);
        assertTrue(body.contains("/v1/rectification/notices/7"), body);
    }

    @Test
    void anEmptyHostTurnsMailOffAndAChangeAppliesToTheNextMessage() throws Exception {
        notifier.updated(config(""));
        assertFalse(notifier.accepts(CZJ));
        assertThrows(IllegalStateException.class, () -> notifier.deliver(CZJ, new Message("A", "主题", null, null)));

        notifier.updated(config("127.0.0.1"));
        notifier.deliver(CZJ, new Message("A", "第一封", null, null));
        Hashtable<String, Object> wrong = config("127.0.0.1");
        wrong.put("password", "not-the-password");
        notifier.updated(wrong);
        Exception refused = assertThrows(Exception.class, () -> notifier.deliver(CZJ, new Message("A", "第二封", null, null)));
        assertTrue(refused.getClass().getName().startsWith("javax.mail"), refused.toString());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals("第一封", smtp.getReceivedMessages()[0].getSubject());
    }

    @Test
    void invalidSettingsAreRefusedAndThePasswordIsNeverLogged() throws Exception {
        Hashtable<String, Object> bad = config("127.0.0.1");
        bad.put("port", "70000");
        bad.put("from", "not an address");
        bad.put("ssl", "true");
        bad.put("starttls", "true");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> notifier.updated(bad));
        assertTrue(e.getReason().contains("port") && e.getReason().contains("from") && e.getReason().contains("ssl"), e.getReason());
        assertFalse(notifier.accepts(CZJ), "an invalid file turns mail off rather than half-configuring it");

        notifier.updated(config("127.0.0.1"));
        assertFalse(SmtpSettings.parse(config("127.0.0.1")).toString().contains(PASSWORD));
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-log.txt"));
        String logged = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        assertTrue(logged.contains("邮件通知经 127.0.0.1"), "the configuration is logged");
        assertFalse(logged.contains(PASSWORD), "but never the password");
    }
}
