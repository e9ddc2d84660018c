package cn.supervision.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import cn.supervision.api.platform.BatchReceipt;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.platform.RowError;

@Command(scope = "supervision", name = "platform-ingest",
        description = "Ingests a platform-data file (CSV or JSON) as one batch: all rows or none; the same batch id twice is stored once")
@Service
public class PlatformIngestCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code", required = true)
    String code;
    @Argument(index = 1, name = "source", description = "source system, e.g. hotline", required = true)
    String source;
    @Argument(index = 2, name = "batchId", description = "client batch id", required = true)
    String batchId;
    @Completion(FileCompleter.class)
    @Argument(index = 3, name = "file", description = "a .csv (metric,unit,date,value[,recordId]) or .json file", required = true)
    String file;
    @Reference
    PlatformDataService data;

    @Override
    protected Object run() {
        Path path = Path.of(file);
        String format = file.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "json" : "csv";
        try (InputStream in = Files.newInputStream(path)) {
            BatchReceipt r = data.ingest(caller(), code, source, batchId, "SHELL", format, in);
            switch (r.status()) {
                case APPLIED -> System.out.println("已入库：批次 " + r.batchId() + "，" + r.accepted() + " 行，替换 " + r.superseded() + " 行");
                case DUPLICATE -> System.out.println("批次号 " + batchId + " 已入库过（批次 " + r.batchId() + "），未重复入库");
                case REJECTED -> {
                    System.out.println("整批未入库：" + r.rejected().size() + " 行有误（" + r.accepted() + " 行无误）");
                    for (RowError e : r.rejected().subList(0, Math.min(50, r.rejected().size()))) {
                        System.out.println("  第 " + e.line() + " 行 " + e.field() + "：" + e.message());
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("无法读取文件 " + path + "：" + e.getMessage());
        }
        return null;
    }
}
