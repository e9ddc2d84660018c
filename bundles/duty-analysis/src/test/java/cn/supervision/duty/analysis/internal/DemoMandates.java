package cn.supervision.duty.analysis.internal;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.duty.DutyRef;

/**
 * The city's demo mandates and power lists (county-templates/dongying-city) as analysis texts, read from the source
 * tree the way {@link CorpusLoader} builds them: an active duty followed by the names of its items, an item mapped to
 * no duty alone; duties of merged or abolished units are gap sources. Unit ids are the units' positions in the file,
 * duty ids unit id × 1000 + number, item ids counted.
 */
final class DemoMandates {
    static final File TEMPLATE = new File("../../county-templates/dongying-city");
    static final File UNITS = new File(TEMPLATE, "src/main/resources/SUPERVISION-INF/units/city-units.json");
    static final File LABELLED = new File(TEMPLATE, "labelled/overlaps.json");
    static final File POWER_LISTS = new File(TEMPLATE, "src/main/resources/SUPERVISION-INF/power-lists");

    private DemoMandates() {
    }

    static List<AnalysisDoc> docs() throws IOException {
        JsonNode root = new ObjectMapper().readTree(UNITS);
        List<AnalysisDoc> docs = new ArrayList<>();
        long unitId = 0;
        long itemId = 0;
        for (JsonNode u : root.path("units")) {
            unitId++;
            String code = u.path("code").asText();
            String name = u.path("name").asText();
            String status = u.path("status").asText("ACTIVE");
            boolean active = status.isEmpty() || "ACTIVE".equals(status) || "存续".equals(status);
            Map<Integer, StringBuilder> itemNames = new HashMap<>();
            List<AnalysisDoc> standalone = new ArrayList<>();
            File list = new File(POWER_LISTS, code + ".json");
            Set<Integer> numbers = new HashSet<>();
            u.path("mandate").path("duties").forEach(d -> numbers.add(d.path("number").asInt()));
            if (active && list.isFile()) {
                for (JsonNode i : new ObjectMapper().readTree(list)) {
                    itemId++;
                    String itemName = i.path("name").asText();
                    if (i.hasNonNull("dutyNumber") && numbers.contains(i.path("dutyNumber").asInt())) {
                        itemNames.computeIfAbsent(i.path("dutyNumber").asInt(), k -> new StringBuilder()).append('\n').append(itemName);
                    } else {
                        DutyRef ref = new DutyRef(unitId, name, null, null, itemId, i.path("code").asText(), itemName);
                        standalone.add(new AnalysisDoc("I" + itemId, unitId, code, AnalysisDoc.Role.ITEM, ref, itemName));
                    }
                }
            }
            for (JsonNode d : u.path("mandate").path("duties")) {
                int number = d.path("number").asInt();
                String text = d.path("text").asText();
                long dutyId = unitId * 1000 + number;
                DutyRef ref = new DutyRef(unitId, name, dutyId, number, null, null, text);
                StringBuilder items = itemNames.get(number);
                docs.add(new AnalysisDoc("D" + dutyId, unitId, code, active ? AnalysisDoc.Role.DUTY : AnalysisDoc.Role.GAP_SOURCE,
                        ref, text, items == null ? null : items.toString()));
            }
            docs.addAll(standalone);
        }
        return docs;
    }
}
