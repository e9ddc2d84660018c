package cn.supervision.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Dictionary;

import javax.mail.Message.RecipientType;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.Notifier;
import cn.supervision.api.security.UserInfo;

/**
 * The "email" channel: plain-text UTF-8 mail through the SMTP server of etc/cn.supervision.notification.smtp.cfg.
 * Off (accepts nobody) while {@code host} is empty or the file is invalid; a changed file applies to the next message.
 */
public class SmtpNotifier implements Notifier, ManagedService {
    public static final String PID = "cn.supervision.notification.smtp";
    private static final Logger LOG = LoggerFactory.getLogger(SmtpNotifier.class);

    private volatile SmtpSettings settings;

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public boolean accepts(UserInfo recipient) {
        return settings != null && recipient.email() != null;
    }

    @Override
    public void updated(Dictionary<String, ?> properties) throws ConfigurationException {
        SmtpSettings next;
        try {
            next = SmtpSettings.parse(properties);
        } catch (IllegalArgumentException e) {
            settings = null;
            LOG.error("邮件通知配置 {} 无效，邮件通知已停用：{}", PID, e.getMessage());
            throw new ConfigurationException(null, e.getMessage());
        }
        settings = next;
        if (next == null) {
            LOG.info("邮件通知未启用（{} 中 host 为空）", PID);
        } else {
            LOG.info("邮件通知经 {} 发送", next);
        }
    }

    @Override
    public void deliver(UserInfo recipient, Message message) throws Exception {
        SmtpSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("邮件通知未启用");
        }
        // javax.mail finds its providers and activation's text handlers through the context class loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(s.sessionProperties());
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(s.from(), true));
            mail.setRecipient(RecipientType.TO, new InternetAddress(recipient.email(), true));
            mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mail.setText(text(message), StandardCharsets.UTF_8.name());
            mail.setSentDate(new Date());
            if (s.username() == null) {
                Transport.send(mail);
            } else {
                Transport.send(mail, s.username(), s.password());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String text(Message m) {
        StringBuilder b = new StringBuilder();
        if (m.body() != null) {
            b.append(m.body()).append("\n\n");
        }
        if (m.link() != null) {
            b.append("相关记录：").append(m.link()).append('\n');
        }
        b.append("（本邮件由机构编制监管平台自动发送，请登录平台查看和处理。）\n");
        return b.toString();
    }
}
