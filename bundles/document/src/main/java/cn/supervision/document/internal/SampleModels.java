package cn.supervision.document.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.document.DocumentKind;

/**
 * A complete model of every kind, with every field the {@link DocumentKind} javadoc lists: templates are validated by
 * rendering them with it, and the names a template may use are the names it contains.
 */
public final class SampleModels {
    /** A 1×1 transparent PNG. */
    public static final String PIXEL_PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private SampleModels() {
    }

    /** The fields the document service adds to every model. */
    public static Map<String, Object> common(DocumentKind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuingOffice", "东营市机构编制委员会办公室");
        m.put("jurisdictionName", "东营市");
        m.put("date", "2026年11月30日");
        m.put("title", "关于" + kind.label() + "的示例");
        m.put("seal", "东营市机构编制委员会办公室");
        if (kind.redHeader()) {
            m.put("documentNumber", "东编办发〔2026〕1号");
        }
        return m;
    }

    public static Map<String, Object> of(DocumentKind kind) {
        Map<String, Object> m = common(kind);
        m.putAll(specific(kind));
        return m;
    }

    /** The builder-supplied fields of a kind. */
    public static Map<String, Object> specific(DocumentKind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (kind) {
            case CAMPAIGN_REPORT -> {
                m.put("title", "东营市2026年度机构编制监管评估工作报告");
                m.put("campaignName", "2026年度机构编制监管评估");
                m.put("period", "2026年1月1日至2026年11月30日");
                m.put("summary", map("unitCount", 128, "average", 86.4, "highest", 97.5, "lowest", 61.0,
                        "publishedAt", "2026年11月28日"));
                m.put("grades", List.of(map("grade", "优秀", "count", 31, "share", "24.2%"),
                        map("grade", "良好", "count", 64, "share", "50.0%"),
                        map("grade", "合格", "count", 27, "share", "21.1%"),
                        map("grade", "不合格", "count", 6, "share", "4.7%")));
                m.put("chartImage", PIXEL_PNG);
                m.put("ranking", List.of(map("rank", 1, "unitCode", "CZJ", "unitName", "东营市财政局", "total", 97.5, "grade", "优秀"),
                        map("rank", 2, "unitCode", "JYJ", "unitName", "东营市教育局", "total", 95.0, "grade", "优秀"),
                        map("rank", 3, "unitCode", "WJW", "unitName", "东营市卫生健康委员会", "total", 88.5, "grade", "良好")));
                m.put("problems", List.of(map("category", "超编进人", "count", 3, "examples", "东营市某中心超核定编制2名"),
                        map("category", "职责交叉", "count", 2, "examples", "政府采购监督与交易平台运行职责交叉")));
                m.put("rectification", map("notices", 6, "items", 14, "itemsClosed", 9, "itemsOpen", 5, "overdue", 1));
                m.put("suggestions", List.of(map("text", "加强编制使用审核，严格落实用编进人计划。"),
                        map("text", "推进职责清理，明确部门间职责边界。")));
            }
            case UNIT_REPORT -> {
                m.put("title", "东营市财政局2026年度机构编制监管评估报告");
                m.put("unitCode", "CZJ");
                m.put("unitName", "东营市财政局");
                m.put("campaignName", "2026年度机构编制监管评估");
                m.put("total", 97.5);
                m.put("grade", "优秀");
                m.put("rank", 1);
                m.put("indicators", List.of(map("code", "A.1", "name", "机构设置规范", "weight", 20, "score", 19.5,
                        "source", "自评", "recordedBy", "czj-user", "recordedAt", "2026-11-02", "basis", "三定规定"),
                        map("code", "A.2", "name", "编制使用", "weight", 30, "score", 29.0, "source", "评估组",
                                "recordedBy", "evaluator", "recordedAt", "2026-11-10", "basis", "实名制数据")));
                m.put("findings", List.of(map("title", "内设机构名称与三定规定不一致", "severity", "一般", "state", "整改中")));
                m.put("rectification", List.of(map("item", "规范内设机构名称", "state", "整改中", "deadline", "2026年12月31日")));
            }
            case RECTIFICATION_NOTICE -> {
                m.put("title", "关于东营市某中心机构编制问题的整改通知书");
                m.put("addressee", "东营市某中心");
                m.put("paragraphs", List.of(map("text", "根据《机构编制监督检查工作办法》，我办对你单位机构编制执行情况进行了监督检查，发现以下问题，现通知如下。")));
                m.put("items", List.of(map("no", 1, "title", "超核定编制进人", "requirement", "在2027年3月31日前消化超编人员2名", "deadline", "2027年3月31日"),
                        map("no", 2, "title", "擅自增设内设机构", "requirement", "撤销未经批准设立的内设机构", "deadline", "2027年1月31日")));
                m.put("deadline", "2027年3月31日");
                m.put("contact", "监督检查科，联系电话：0546-8888888");
            }
            case CRITICISM_NOTICE -> {
                m.put("title", "关于部分单位机构编制违规问题的通报");
                m.put("addressees", "各县区机构编制委员会办公室，市直各部门、单位");
                m.put("paragraphs", List.of(map("text", "2026年度机构编制监管评估中，发现部分单位存在违规问题。现将有关情况通报如下。")));
                m.put("units", List.of(map("unitName", "东营市某中心", "problem", "超核定编制进人2名")));
            }
            case SPECIAL_REPORT -> {
                m.put("title", "关于政府采购监督职责交叉问题的监管专报");
                m.put("issue", "第3期");
                m.put("paragraphs", List.of(map("heading", "一、问题情况", "text", "评估发现政府采购监督与交易平台运行职责交叉。"),
                        map("heading", "二、处理建议", "text", "建议明确职责边界，由财政部门履行监督职责。")));
                m.put("findings", List.of(map("title", "政府采购监督与交易平台运行职责交叉", "unitName", "利津县财政局", "severity", "严重")));
                m.put("scores", List.of(map("unitName", "利津县财政局", "campaignName", "2026年度机构编制监管评估", "total", 72.0, "grade", "合格")));
                m.put("drafter", "张三");
                m.put("reviewer", "李四");
                m.put("recipients", List.of(map("name", "市委编委领导")));
            }
            case MEETING_MINUTES -> {
                m.put("title", "机构编制监督检查联席会议纪要");
                m.put("meetingDate", "2026年11月20日");
                m.put("location", "东营市委编办第一会议室");
                m.put("host", "王五");
                m.put("attendees", List.of(map("name", "赵六", "department", "市审计局"), map("name", "钱七", "department", "市纪委监委")));
                m.put("agenda", List.of(map("title", "通报2026年度监管评估情况", "link", "campaign:12")));
                m.put("minutes", List.of(map("text", "会议听取了2026年度机构编制监管评估情况汇报。")));
                m.put("decisions", List.of(map("text", "对超编进人问题开展专项核查", "owner", "市审计局", "deadline", "2026年12月31日")));
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return m;
    }

    /** Every field name a model of this kind contains, at any depth. */
    public static java.util.Set<String> names(DocumentKind kind) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        collect(of(kind), names);
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, java.util.Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                names.add((String) k);
                collect(v, names);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, names));
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The campaign report's model with {@code units} ranked units (for measurements). */
    public static Map<String, Object> campaignReport(int units, String chartImage) {
        Map<String, Object> m = specific(DocumentKind.CAMPAIGN_REPORT);
        List<Object> ranking = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            ranking.add(map("rank", i, "unitCode", "U" + i, "unitName", "东营市第" + i + "号单位", "total",
                    Math.round(10_000 - i * 3) / 100.0, "grade", i <= units / 4 ? "优秀" : "良好"));
        }
        m.put("ranking", ranking);
        if (chartImage != null) {
            m.put("chartImage", chartImage);
        }
        return m;
    }
}
