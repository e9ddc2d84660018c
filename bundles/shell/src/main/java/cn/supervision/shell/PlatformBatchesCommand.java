package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.platform.Batch;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "platform-batches", description = "Lists the latest platform-data batches (平台数据批次) of a jurisdiction")
@Service
public class PlatformBatchesCommand implements Action {
    @Argument(index = 0, name = "code", description = "jurisdiction code", required = true)
    String code;
    @Option(name = "-n", description = "how many (default 20)")
    int limit = 20;
    @Reference
    PlatformDataService data;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Id").alignRight();
            table.column("Client batch id");
            table.column("Source");
            table.column("Channel");
            table.column("Rows").alignRight();
            table.column("Superseded").alignRight();
            table.column("Received");
            table.column("By");
            for (Batch b : data.batches(Operators.caller(session), code, limit)) {
                table.addRow().addContent(b.id(), b.clientBatchId(), b.sourceSystem(), b.channel(), b.rows(), b.superseded(), b.receivedAt(),
                        b.receivedBy());
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
