package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.platform.Batch;
import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.BatchStatus;
import cn.supervision.api.platform.RowError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakePlatformDataService;

class PlatformCommandsTest extends CommandTestBase {
    @TempDir
    Path dir;
    private final List<String> ingested = new ArrayList<>();

    private FakePlatformDataService data(BatchReceipt receipt) {
        return new FakePlatformDataService() {
            @Override
            public BatchReceipt ingest(Caller caller, String jurisdictionCode, String sourceSystem, String clientBatchId, String channel,
                    String format, InputStream content) {
                try {
                    ingested.add(String.join(" ", caller.username(), jurisdictionCode, sourceSystem, clientBatchId, channel, format,
                            new String(content.readAllBytes(), StandardCharsets.UTF_8).strip()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return receipt;
            }

            @Override
            public List<Batch> batches(Caller caller, String jurisdictionCode, int limit) {
                if (!"370500".equals(jurisdictionCode)) {
                    throw SupervisionException.forbidden("无权查看 " + jurisdictionCode + " 的平台数据");
                }
                assertEquals(5, limit);
                return List.of(new Batch(41, "370500", "2026-11", "hotline", "SHELL", 120, 3, "aa", Instant.parse("2026-11-30T08:00:00Z"),
                        "shell:karaf"));
            }
        };
    }

    private PlatformIngestCommand ingest(String fileName, BatchReceipt receipt) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, "metric,unit,date,value\nhotline.complaints,SCJG,2026-11-01,3\n");
        PlatformIngestCommand c = new PlatformIngestCommand();
        c.code = "370500";
        c.source = "hotline";
        c.batchId = "2026-11";
        c.file = file.toString();
        c.data = data(receipt);
        return c;
    }

    @Test
    void aFileIsIngestedAsOneBatchInTheFormatItsNameSays() throws Exception {
        String out = run(ingest("rows.csv", new BatchReceipt("2026-11", 41L, BatchStatus.APPLIED, 1, 1, 0, List.of(), Instant.EPOCH, "k")));
        assertEquals("已入库：批次 41，1 行，替换 0 行" + System.lineSeparator(), out);
        assertEquals(List.of("shell:karaf 370500 hotline 2026-11 SHELL csv metric,unit,date,value\nhotline.complaints,SCJG,2026-11-01,3"),
                ingested);
        run(ingest("rows.JSON", new BatchReceipt("2026-11", 41L, BatchStatus.DUPLICATE, 1, 0, 0, List.of(), Instant.EPOCH, "k")));
        assertEquals("批次号 2026-11 已入库过（批次 41），未重复入库" + System.lineSeparator(), printed());
        assertTrue(ingested.get(1).contains(" SHELL json "), ingested.get(1));
    }

    @Test
    void aRejectedBatchListsItsRowErrorsAndAMissingFileIsSaidPlainly() throws Exception {
        String out = run(ingest("rows.csv", new BatchReceipt("2026-11", null, BatchStatus.REJECTED, 3, 1, 0,
                List.of(new RowError(2, "unit", "单位 XX 未登记"), new RowError(3, "value", "不是数值")), Instant.EPOCH, "k")));
        assertEquals(List.of("整批未入库：2 行有误（1 行无误）", "  第 2 行 unit：单位 XX 未登记", "  第 3 行 value：不是数值"), out.lines().toList());

        PlatformIngestCommand missing = ingest("rows.csv", null);
        missing.file = dir.resolve("absent.csv").toString();
        assertTrue(run(missing).startsWith("无法读取文件 " + dir.resolve("absent.csv")), printed());
    }

    @Test
    void batchesAreListedAndAnotherJurisdictionIsRefused() throws Exception {
        PlatformBatchesCommand c = new PlatformBatchesCommand();
        c.code = "370500";
        c.limit = 5;
        c.data = data(null);
        run(c);
        assertEquals(List.of("41", "2026-11", "hotline", "SHELL", "120", "3", "2026-11-30T08:00:00Z", "shell:karaf"), row("hotline"));
        c.code = "370522";
        assertRefused(c, SupervisionException.forbidden("x"), "无权访问：无权查看 370522 的平台数据", 403);
    }
}
