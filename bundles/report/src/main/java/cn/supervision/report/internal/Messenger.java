package cn.supervision.report.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.notification.Message;
import cn.supervision.api.notification.NotificationService;

/** Tells leaders a report was sent to them and the office an instruction came in; sending never undoes what was recorded. */
final class Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);

    private final List<NotificationService> services;

    Messenger(List<NotificationService> services) {
        this.services = services;
    }

    static String link(long reportId) {
        return "/v1/special-reports/" + reportId;
    }

    void sent(long reportId, String title, String issue, List<String> leaders, String sender) {
        send(n -> n.toUsers(leaders, new Message("SPECIAL_REPORT_SENT", "监管专报待阅：" + title,
                "机构编制部门（" + sender + "）报送了监管专报《" + title + "》" + (issue == null ? "" : "（" + issue + "）")
                        + "，请在平台阅示。", link(reportId))));
    }

    /** The subject names the instruction, so that two instructions of one day are both told. */
    void instructed(String jurisdictionCode, long reportId, long instructionId, String title, String leader, String text) {
        String clipped = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        send(n -> n.toOffice(jurisdictionCode, new Message("SPECIAL_REPORT_INSTRUCTED", "领导批示（#" + instructionId + "）：" + title,
                leader + " 对监管专报《" + title + "》作出批示：" + clipped, link(reportId))));
    }

    private void send(java.util.function.Consumer<NotificationService> send) {
        if (services.isEmpty()) {
            LOG.warn("notification service not running: special-report message not sent");
            return;
        }
        try {
            send.accept(services.get(0));
        } catch (RuntimeException e) {
            LOG.warn("special-report message not delivered: {}", e.toString());
        }
    }
}
