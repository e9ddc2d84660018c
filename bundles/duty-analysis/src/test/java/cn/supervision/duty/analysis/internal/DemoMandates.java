package cn.supervision.duty.analysis.internal;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.api.duty.DutyRef;

/**
 * The city's demo mandates (county-templates/dongying-city) as analysis texts, read from the source tree: the duties
 * of active units are held, those of merged or abolished units are gap sources. Unit ids are the units' positions in
 * the file, duty ids unit id × 1000 + number.
 */
final class DemoMandates {
    static final File TEMPLATE = new File("../../county-templates/dongying-city");
    static final File UNITS = new File(TEMPLATE, "src/main/resources/SUPERVISION-INF/units/city-units.json");
    static final File LABELLED = new File(TEMPLATE, "labelled/overlaps.json");

    private DemoMandates() {
    }

    static List<AnalysisDoc> docs() throws IOException {
        JsonNode root = new ObjectMapper().readTree(UNITS);
        List<AnalysisDoc> docs = new ArrayList<>();
        long unitId = 0;
        for (JsonNode u : root.path("units")) {
            unitId++;
            String code = u.path("code").asText();
            String status = u.path("status").asText("ACTIVE");
            boolean active = status.isEmpty() || "ACTIVE".equals(status) || "存续".equals(status);
            for (JsonNode d : u.path("mandate").path("duties")) {
                int number = d.path("number").asInt();
                String text = d.path("text").asText();
                long dutyId = unitId * 1000 + number;
                DutyRef ref = new DutyRef(unitId, u.path("name").asText(), dutyId, number, null, null, text);
                docs.add(new AnalysisDoc("D" + dutyId, unitId, code,
                        active ? AnalysisDoc.Role.DUTY : AnalysisDoc.Role.GAP_SOURCE, ref, text));
            }
        }
        return docs;
    }
}
