package cn.supervision.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.security.UserInfo;

/**
 * The model of a 整改通知书 (see {@code DocumentKind.RECTIFICATION_NOTICE}) from a rectification notice: addressed to
 * the unit, an opening paragraph, the problems as numbered items each with what is required (by when, with the evidence
 * the office asks for), the deadline and whom to contact (the issuing officer, with the phone the user directory knows;
 * the template writes "联系人：" and the closing requirements itself).
 */
public class NoticeBuilder {

    public static String title(Notice n) {
        return "关于" + n.unitName() + "限期整改的通知";
    }

    public Map<String, Object> model(DataGatherer.NoticeData d) {
        Notice n = d.notice();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title(n));
        m.put("addressee", n.unitName());
        m.put("noticeNumber", n.number() == null ? "" : n.number());
        m.put("issuedOn", Texts.date(n.issuedOn()));
        m.put("deadline", Texts.date(n.deadline()));
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        paragraphs.add(CampaignReportBuilder.text("根据机构编制监督检查工作安排，经核查，你单位存在以下 " + n.items().size()
                + " 个问题。现通知你单位限期整改，具体事项如下："));
        List<Map<String, Object>> items = new ArrayList<>();
        int no = 1;
        for (Item i : n.items()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("no", no++);
            row.put("title", Texts.brief(i.findingDescription(), 200));
            row.put("requirement", requirement(i, n));
            row.put("deadline", Texts.date(i.dueDate() != null ? i.dueDate() : n.deadline()));
            items.add(row);
        }
        m.put("items", items);
        m.put("paragraphs", paragraphs);
        m.put("contact", contact(d));
        return m;
    }

    static String requirement(Item i, Notice n) {
        return "针对该问题制定整改措施，于 " + Texts.date(i.dueDate() != null ? i.dueDate() : n.deadline()) + " 前整改到位"
                + (Texts.blank(n.requiredEvidence()) ? "" : "，报送佐证材料（" + n.requiredEvidence().strip() + "）");
    }

    static String contact(DataGatherer.NoticeData d) {
        String who = d.notice().issuedBy() == null ? "本机关经办人" : d.notice().issuedBy();
        String phone = d.issuer().map(UserInfo::phone).filter(p -> !Texts.blank(p)).orElse(null);
        return who + (phone == null ? "" : "，联系电话：" + phone);
    }
}
