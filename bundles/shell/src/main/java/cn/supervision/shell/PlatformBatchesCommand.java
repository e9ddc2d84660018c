package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.platform.Batch;
import cn.supervision.api.platform.PlatformDataService;

@Command(scope = "supervision", name = "platform-batches", description = "Lists the latest platform-data batches (平台数据批次) of a jurisdiction")
@Service
public class PlatformBatchesCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code", required = true)
    String code;
    @Option(name = "-n", description = "how many (default 20)")
    int limit = 20;
    @Reference
    PlatformDataService data;

    @Override
    protected Object run() {
        ShellTable table = table("Id>", "Client batch id", "Source", "Channel", "Rows>", "Superseded>", "Received", "By");
        for (Batch b : data.batches(caller(), code, limit)) {
            table.addRow().addContent(b.id(), b.clientBatchId(), b.sourceSystem(), b.channel(), b.rows(), b.superseded(), b.receivedAt(),
                    b.receivedBy());
        }
        table.print(System.out);
        return null;
    }
}
