package cn.supervision.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.followup.Finding;

/**
 * The model of a 通报 (see {@code DocumentKind.CRITICISM_NOTICE}): the office's addressees (主送) and paragraphs, then
 * the criticised units with their problems, one row per finding.
 */
public class CriticismBuilder {

    public Map<String, Object> model(String title, String addressees, List<String> paragraphs, List<Finding> findings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title.strip());
        m.put("addressees", addressees.strip());
        m.put("paragraphs", paragraphs.stream().map(p -> CampaignReportBuilder.text(p.strip())).toList());
        List<Map<String, Object>> units = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unitName", f.unitName());
            row.put("problem", f.description() == null ? "" : f.description().strip());
            row.put("category", f.category() == null ? "" : f.category().label());
            row.put("severity", f.severity() == null ? "" : f.severity().label());
            units.add(row);
        }
        m.put("units", units);
        return m;
    }
}
