package cn.supervision.indicator.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystemDocument;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

class IndicatorExchangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode dongyingJson() throws Exception {
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(
                "../../county-templates/dongying-city/src/main/resources/SUPERVISION-INF/indicator-systems/dongying-2026.json"))) {
            return JSON.readTree(in);
        }
    }

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(IndicatorExchangeTest.class.getResourceAsStream("/schema/indicator-system.schema.json"));
    }

    @Test
    void theShippedCitySystemConformsToThePublishedSchema() throws Exception {
        Set<ValidationMessage> problems = schema().validate(dongyingJson());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void theSchemaRefusesWhatThePlatformWouldRefuse() throws Exception {
        ObjectNode doc = (ObjectNode) dongyingJson();
        ((ObjectNode) doc.get("definition")).put("surprise", 1);
        assertFalse(schema().validate(doc).isEmpty(), "unknown fields");
        ObjectNode badRule = (ObjectNode) dongyingJson();
        ((ObjectNode) badRule.at("/definition/indicators/0/children/0/children/0/rule")).put("type", "MAGIC");
        assertFalse(schema().validate(badRule).isEmpty(), "unknown rule type");
        ObjectNode noBands = (ObjectNode) dongyingJson();
        ((ObjectNode) noBands.at("/definition/indicators/0/children/0/children/0/rule")).remove("bands");
        assertFalse(schema().validate(noBands).isEmpty(), "a BANDS rule without bands");
    }

    @Test
    void excelExportImportsBackWithoutLoss() throws Exception {
        SystemDefinition d = JSON.treeToValue(dongyingJson(), IndicatorSystemDocument.class).definition();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(IndicatorSheet.export(d)));
        Sheet sheet = Xlsx.read(new ByteArrayInputStream(out.toByteArray())).get(0);
        assertEquals(List.of("一级指标", "二级指标", "三级指标", IndicatorSheet.POINTS, "权重"),
                sheet.rows().get(0).subList(0, 5));
        SystemDefinition back = IndicatorSheet.read(sheet, d.name(), d.year(), d.unitKinds());
        assertEquals(leaves(d.indicators()), leaves(back.indicators()), "leaves keep code, weight, category and rule");
        assertEquals(0, d.baseMax().compareTo(back.baseMax()));
        assertEquals(d.indicators().get(0).name(), back.indicators().get(0).name(), "group names lose their （60） suffix");
    }

    private static List<String> leaves(List<Indicator> nodes) {
        return nodes.stream().flatMap(n -> n.leaf()
                ? java.util.stream.Stream.of(n.code() + "|" + n.weight().stripTrailingZeros() + "|" + n.category() + "|" + n.rule())
                : leaves(n.children()).stream()).toList();
    }

    /** What an office's own workbook looks like: merged level cells, no codes, no rules. */
    @Test
    void anOfficeWorkbookWithMergedCellsBecomesADraft() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("指标");
            String[][] rows = {
                {"一级指标", "二级指标", "三级指标", "评估要点、评估方式和标准", "权重"},
                {"职责指标", "核心职责", "重点任务完成情况", "完成率100%得满分", "30"},
                {null, null, "问题整改", "按整改进度赋分", "20"},
                {null, "辅助职责", "权责清单管理", "未及时调整每项扣1分", "10"},
                {"印证指标", "平台数据", "12345按期办结率", "按比例计分", "25"},
                {null, "社会评议", "满意率", "分档计分", "15"}};
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        if (c == 4 && r > 0) {
                            row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                        } else {
                            row.createCell(c).setCellValue(rows[r][c]);
                        }
                    }
                }
            }
            s.addMergedRegion(new CellRangeAddress(1, 3, 0, 0));
            s.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            s.addMergedRegion(new CellRangeAddress(4, 5, 0, 0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            bytes = out.toByteArray();
        }
        SystemDefinition d = IndicatorSheet.read(Xlsx.read(new ByteArrayInputStream(bytes)).get(0), "某区指标体系", 2026, Set.of());
        assertEquals(2, d.indicators().size());
        Indicator duty = d.indicators().get(0);
        assertEquals("职责指标", duty.name());
        assertEquals(0, new BigDecimal("60").compareTo(duty.weight()), "a parent's weight is the sum of its leaves");
        assertEquals(List.of("1.1", "1.2"), duty.children().stream().map(Indicator::code).toList());
        Indicator rectification = duty.children().get(0).children().get(1);
        assertEquals("1.1.2", rectification.code());
        assertEquals(Category.CORE, rectification.category(), "inferred from 核心职责");
        assertEquals("按整改进度赋分", rectification.assessmentPoints());
        assertNull(rectification.rule(), "the office text is not a rule: it must be set before publishing");
        assertEquals(Category.PLATFORM_DATA, d.indicators().get(1).children().get(0).children().get(0).category());
        assertEquals(0, new BigDecimal("100").compareTo(d.baseMax()));
    }

    @Test
    void aWrongWorkbookSaysWhatIsMissing() {
        Sheet wrong = new Sheet("x", List.of(List.of("指标", "分值"), List.of("a", "1")));
        SupervisionException e = assertThrows(SupervisionException.class, () -> IndicatorSheet.read(wrong, "x", 2026, Set.of()));
        assertEquals(2, e.errors().size());
        Sheet badWeight = new Sheet("x", List.of(List.of("一级指标", "权重"), List.of("甲", "很多")));
        e = assertThrows(SupervisionException.class, () -> IndicatorSheet.read(badWeight, "x", 2026, Set.of()));
        assertEquals("第 2 行 权重", e.errors().get(0).field());
    }
}
