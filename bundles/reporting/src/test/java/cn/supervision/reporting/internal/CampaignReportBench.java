package cn.supervision.reporting.internal;

import static cn.supervision.reporting.internal.Fixture.CITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.FindingCategory;
import cn.supervision.api.followup.FindingSource;
import cn.supervision.api.followup.FindingState;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.RuleType;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.document.internal.JpaDocumentService;
import cn.supervision.document.internal.JpaTemplateRegistry;
import cn.supervision.testing.LocalJpaTemplate;

/**
 * The annual report of a city with 1 000 units (each scored on 24 indicators, 300 findings, a notice per tenth unit),
 * rendered by the real document service (built-in template, openhtmltopdf with the embedded Noto faces, POI) and kept
 * on Derby; then one unit's report. Targets: the report < 10 s in each format, a unit report < 500 ms (after one
 * warm-up generation of each, which loads the fonts and the renderers, and is held to the same 10 s). The other areas' services are in-memory fakes
 * (their reads are not what is measured). Not a timed test: {@code mvn -P bench -pl bundles/reporting test};
 * figures in target/bench.txt.
 */
@Tag("bench")
class CampaignReportBench {
    static final int UNITS = 1000;
    static final int LEAVES = 24;
    static final String[] GRADES = {"优秀", "良好", "一般", "较差", "差"};

    @Test
    void annualReportOfAThousandUnitsAndAUnitReport() throws Exception {
        Fixture f = new Fixture();
        Random random = new Random(12);
        List<Long> ids = new ArrayList<>();
        List<UnitResult> rows = new ArrayList<>();
        for (int i = 1; i <= UNITS; i++) {
            f.unit(i, "U" + i, "东营市第" + i + "号监管单位");
            ids.add((long) i);
        }
        for (int i = 1; i <= UNITS; i++) {
            rows.add(result(i, random));
        }
        rows.sort((a, b) -> b.total().compareTo(a.total()));
        List<UnitResult> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            UnitResult r = rows.get(i);
            String grade = GRADES[Math.min(GRADES.length - 1, i * GRADES.length / rows.size())];
            ranked.add(new UnitResult(r.unitId(), r.unitName(), r.unitKind(), 1, r.total(), grade, null, null, BigDecimal.ZERO,
                    i % 97 == 0, i + 1, i + 1, 0, List.of(), r.evaluation()));
        }
        f.campaigns.put(7L, Fixture.campaign(7, CampaignState.PUBLISHED, ids));
        f.revisions.put(7L, List.of(new ResultRevision(7, 1, "发布", "city-admin", Fixture.PUBLISHED, ranked)));
        FindingCategory[] categories = FindingCategory.values();
        for (int k = 1; k <= 300; k++) {
            long unit = 1 + random.nextInt(UNITS);
            f.findings.add(Fixture.finding(k, unit, "东营市第" + unit + "号监管单位", categories[k % categories.length],
                    FindingSource.campaign(7, "L" + (k % LEAVES), 1), FindingState.OPEN, "指标 L" + (k % LEAVES) + " 履职不到位，得分低于满分六成",
                    Instant.parse("2026-11-21T00:00:00Z")));
        }
        for (int u = 1; u <= UNITS; u += 10) {
            f.status.add(new UnitRectificationStatus("370500", u, "U" + u, "东营市第" + u + "号监管单位", 2026, 1, 3, 1, u % 3, 2 - u % 3, 0));
        }
        f.notices.add(new Notice(5, "〔2026〕5号", "370500", 1, "U1", "东营市第1号监管单位", LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 12, 31), "整改报告", NoticeState.ISSUED, null,
                List.of(Fixture.item(51, 5, 1, "指标 L1 履职不到位", ItemState.PLANNED, LocalDate.of(2026, 12, 20))),
                List.of(), List.of(), "city-admin", Instant.EPOCH));
        List<InputRecord> inputs = new ArrayList<>();
        for (int l = 0; l < LEAVES; l++) {
            inputs.add(new InputRecord(100 + l, 7, 1, "L" + l, IndicatorInput.value(BigDecimal.valueOf(60 + l)), l % 2 == 0
                    ? InputSource.SELF_REPORT : InputSource.PLATFORM_DATA, "第 " + l + " 项的说明", "u1-user",
                    Instant.parse("2026-09-01T01:00:00Z"), ReviewStatus.ACCEPTED, null, "city-admin"));
        }
        f.inputs.put("7/1", inputs);

        try (LocalJpaTemplate jpa = new LocalJpaTemplate("reporting-bench", "META-INF/reporting-bench-persistence.xml")) {
            ResultDocuments service = f.service(registry -> new JpaDocumentService(jpa, registry, new JpaTemplateRegistry(jpa, registry)));
            long warm = time(() -> service.campaignReport(CITY, 7, DocumentFormat.PDF));
            long warmDocx = time(() -> service.campaignReport(CITY, 7, DocumentFormat.DOCX));
            time(() -> service.unitReport(CITY, 7, 1, DocumentFormat.PDF));
            time(() -> service.unitReport(CITY, 7, 1, DocumentFormat.DOCX));

            StoredDocument[] last = new StoredDocument[2];
            long[] pdf = new long[3];
            long[] docx = new long[3];
            for (int run = 0; run < 3; run++) {
                pdf[run] = time(() -> last[0] = service.campaignReport(CITY, 7, DocumentFormat.PDF));
                docx[run] = time(() -> last[1] = service.campaignReport(CITY, 7, DocumentFormat.DOCX));
            }
            long[] unitPdf = new long[5];
            long[] unitDocx = new long[5];
            for (int run = 0; run < 5; run++) {
                unitPdf[run] = time(() -> service.unitReport(CITY, 7, 1, DocumentFormat.PDF));
                unitDocx[run] = time(() -> service.unitReport(CITY, 7, 1, DocumentFormat.DOCX));
            }
            String figures = String.format("CampaignReportBench %s: %d units x %d indicators, 300 findings, real renderer%n"
                            + "  first generation (fonts, renderers): PDF %d ms, DOCX %d ms%n"
                            + "  campaign report PDF  runs %s ms (max %d, target < 10000), %d KB%n"
                            + "  campaign report DOCX runs %s ms (max %d, target < 10000), %d KB%n"
                            + "  unit report PDF  runs %s ms (max %d, target < 500)%n"
                            + "  unit report DOCX runs %s ms (max %d, target < 500)%n",
                    Instant.now(), UNITS, LEAVES, warm, warmDocx, java.util.Arrays.toString(pdf), max(pdf), last[0].size() / 1024,
                    java.util.Arrays.toString(docx), max(docx), last[1].size() / 1024, java.util.Arrays.toString(unitPdf), max(unitPdf),
                    java.util.Arrays.toString(unitDocx), max(unitDocx));
            System.out.print(figures);
            Files.writeString(Path.of("target", "bench.txt"), figures, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            assertEquals(4, last[0].version(), "every generation is a version (counted per format)");
            assertEquals(4, last[1].version());
            assertTrue(warm < 10_000, "first PDF report " + warm + " ms");
            assertTrue(warmDocx < 10_000, "first DOCX report " + warmDocx + " ms");
            assertTrue(max(pdf) < 10_000, "PDF report " + max(pdf) + " ms");
            assertTrue(max(docx) < 10_000, "DOCX report " + max(docx) + " ms");
            assertTrue(max(unitPdf) < 500, "unit report PDF " + max(unitPdf) + " ms");
            assertTrue(max(unitDocx) < 500, "unit report DOCX " + max(unitDocx) + " ms");
        }
    }

    private static long max(long[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** 24 leaves of 100/24 points each under four groups, scored at random between 40% and 100%. */
    static UnitResult result(long unitId, Random random) {
        List<Evaluation.NodeScore> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(LEAVES), 2, RoundingMode.HALF_UP);
        for (int g = 0; g < 4; g++) {
            List<Evaluation.NodeScore> leaves = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int l = g * 6; l < g * 6 + 6; l++) {
                BigDecimal score = weight.multiply(BigDecimal.valueOf(40 + random.nextInt(61))).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.HALF_UP);
                sum = sum.add(score);
                leaves.add(new Evaluation.NodeScore("L" + l, "第" + (l + 1) + "项履职指标", Category.CORE, weight, score, weight, RuleType.RATIO,
                        "按完成率计分", "完成率折算 " + score, List.of(), "system", List.of()));
            }
            total = total.add(sum);
            groups.add(new Evaluation.NodeScore("G" + g, "第" + (g + 1) + "组", Category.CORE, weight.multiply(BigDecimal.valueOf(6)), sum,
                    weight.multiply(BigDecimal.valueOf(6)), null, null, "下级得分之和", List.of(), null, leaves));
        }
        Evaluation e = new Evaluation(total, total, BigDecimal.valueOf(100), null, null, BigDecimal.ZERO, BigDecimal.ZERO, false, false,
                List.of(), groups, List.of(), List.of());
        return new UnitResult(unitId, "东营市第" + unitId + "号监管单位", "GOVERNMENT_DEPARTMENT", 1, total, null, null, null, BigDecimal.ZERO,
                false, 0, 0, 0, List.of(), e);
    }
}
