package cn.supervision.itests;

import static cn.supervision.itests.PlatformIT.API;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;
import javax.mail.internet.MimeMessage;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.notification.Notifier;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.schedule.ScheduledPass;
import cn.supervision.api.schedule.Scheduler;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserInfo;

/**
 * A daily pass registered by the test reminds a unit through the real notification service: the unit's users get an
 * inbox entry each (REST, own only) and an e-mail through the SMTP notifier, configured through ConfigurationAdmin to
 * a GreenMail server the test starts on a free port.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class NotificationIT {
    static final UserInfo CZJ = new UserInfo("czj-user", Set.of(Role.UNIT_USER), "370500", "CZJ", "czj-user@demo.supervision.invalid", null);

    @Inject
    RegistryService registry;
    @Inject
    NotificationService notifications;
    @Inject
    Scheduler scheduler;
    @Inject
    ConfigurationAdmin configurations;
    @Inject
    BundleContext context;

    /** The same container as PlatformIT's (GreenMail is among its bundles). */
    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    private void smtp(GreenMail mail) throws Exception {
        org.osgi.service.cm.Configuration c = configurations.getConfiguration("cn.supervision.notification.smtp", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("host", "127.0.0.1");
        props.put("port", String.valueOf(mail.getSmtp().getPort()));
        props.put("from", "jgbz-notice@demo.supervision.invalid");
        c.update(props);
        // ConfigurationAdmin delivers asynchronously: wait until the e-mail channel takes a user with an address
        long deadline = System.currentTimeMillis() + 30_000;
        while (!emailAccepts(CZJ) && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue("the SMTP notifier took the configuration", emailAccepts(CZJ));
    }

    private boolean emailAccepts(UserInfo user) throws Exception {
        for (ServiceReference<Notifier> ref : context.getServiceReferences(Notifier.class, null)) {
            Notifier n = context.getService(ref);
            try {
                if (n != null && n.channel().equals("email") && n.accepts(user)) {
                    return true;
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return false;
    }

    private static long idOf(String body, String subject) {
        return Json.idWhere(body, "subject", subject);
    }

    private static List<MimeMessage> ours(GreenMail mail, String subject) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (subject.equals(m.getSubject())) {
                found.add(m);
            }
        }
        return found;
    }

    private static long unread(String user) throws Exception {
        Http.Reply r = Http.get(API + "/v1/inbox/unread-count", user);
        assertEquals(r.body(), 200, r.status());
        return Json.wholeNumber(Json.of(r), "unread");
    }

    @Test
    public void aDailyPassRemindsAUnitByInboxAndEmail() throws Exception {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
        String subject = "整改期限将至：市财政局（测试 " + UUID.randomUUID().toString().substring(0, 8) + "）";
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        ServiceRegistration<ScheduledPass> registration = null;
        try {
            smtp(mail);
            registration = context.registerService(ScheduledPass.class, new ScheduledPass() {
                @Override
                public String name() {
                    return "it-reminder";
                }

                @Override
                public PassResult run(Instant now) {
                    int sent = notifications.toUnit("370500", "CZJ", new Message("RECTIFICATION_DUE", subject,
                            "请于 3 日内报送整改完成情况。", "/v1/rectification/notices/1"));
                    return new PassResult("it-reminder", now, 1, sent, 0, List.of("提醒 " + sent + " 人"), null);
                }
            }, null);
            long before = unread("czj-user");
            List<PassResult> ran = scheduler.runNow(Caller.system("it"), "it-reminder");
            assertEquals(1, ran.size());
            assertEquals(1, ran.get(0).changed());
            assertEquals("the same reminder on the same day is not sent twice", 0,
                    scheduler.runNow(Caller.system("it"), "it-reminder").get(0).changed());

            // other tests' deliveries that failed while no mail server was configured are retried now as well
            long mailDeadline = System.currentTimeMillis() + 30_000;
            while (ours(mail, subject).isEmpty() && System.currentTimeMillis() < mailDeadline) {
                mail.waitForIncomingEmail(1_000, mail.getReceivedMessages().length + 1);
            }
            assertFalse("the reminder e-mail arrived", ours(mail, subject).isEmpty());
            MimeMessage received = ours(mail, subject).get(0);
            assertEquals("czj-user@demo.supervision.invalid", received.getAllRecipients()[0].toString());
            // the probe has no mailcap handlers on its context class loader: the text arrives as the decoded stream
            Object content = received.getContent();
            String text = content instanceof InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : (String) content;
            assertTrue(text, text.contains("请于 3 日内报送整改完成情况。"));
            assertEquals("exactly one e-mail", 1, ours(mail, subject).size());

            Http.Reply inbox = Http.get(API + "/v1/inbox?unread=true", "czj-user");
            assertEquals(inbox.body(), 200, inbox.status());
            assertTrue("paged", inbox.headers().keySet().stream().anyMatch(h -> "X-Total-Count".equalsIgnoreCase(h)));
            long id = idOf(inbox.body(), subject);
            assertEquals(before + 1, unread("czj-user"));

            assertEquals(401, Http.get(API + "/v1/inbox", null).status());
            assertEquals(401, Http.get(API + "/v1/inbox/unread-count", null).status());
            assertEquals(401, Http.call("POST", API + "/v1/inbox/" + id + "/read", null, null, null).status());
            for (String other : new String[] {"city-admin", "lijin-admin", "evaluator"}) {
                assertFalse(other + " does not see the unit's message", Json.anyText(Http.get(API + "/v1/inbox", other).body(), subject));
                Http.Reply foreign = Http.call("POST", API + "/v1/inbox/" + id + "/read", other, null, null);
                assertEquals(foreign.body(), 404, foreign.status());
                assertTrue(foreign.contentType(), foreign.contentType().startsWith("application/problem+json"));
            }
            assertEquals("the refused reads changed nothing", before + 1, unread("czj-user"));

            Http.Reply read = Http.call("POST", API + "/v1/inbox/" + id + "/read", "czj-user", null, null);
            assertEquals(read.body(), 200, read.status());
            assertFalse(read.body(), Json.has(read.body(), "readAt", null));
            assertEquals(before, unread("czj-user"));
            assertFalse(Json.anyText(Http.get(API + "/v1/inbox?unread=true", "czj-user").body(), subject));
            assertTrue("read messages stay in the inbox", Json.anyText(Http.get(API + "/v1/inbox", "czj-user").body(), subject));

            Http.Reply runs = Http.get(API + "/v1/scheduler/runs", "city-admin");
            assertEquals(runs.body(), 200, runs.status());
            assertTrue(runs.body(), Json.has(runs.body(), "pass", "it-reminder"));
            assertEquals(403, Http.get(API + "/v1/scheduler/runs", "lijin-admin").status());
            assertEquals(403, Http.get(API + "/v1/scheduler/runs", "czj-user").status());
            assertEquals(401, Http.get(API + "/v1/scheduler/runs", null).status());

            String openApi = Http.get(API + "/openapi.json", null).body();
            assertTrue("described in the OpenAPI document", Json.documents(openApi, "/v1/inbox/unread-count")
                    && Json.documents(openApi, "/v1/inbox/{id}/read") && Json.documents(openApi, "/v1/scheduler/runs"));
        } finally {
            if (registration != null) {
                registration.unregister();
            }
            configurations.getConfiguration("cn.supervision.notification.smtp", null).update(new Hashtable<>(java.util.Map.of("host", "")));
            mail.stop();
        }
    }
}
