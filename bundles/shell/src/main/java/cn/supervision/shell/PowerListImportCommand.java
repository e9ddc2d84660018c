package cn.supervision.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.powerlist.workbook.PowerListWorkbook;

@Command(scope = "supervision", name = "power-list-import",
        description = "Imports a unit's power and responsibility list (权责清单) from an .xlsx file: all rows or none; the unit's current list is superseded")
@Service
public class PowerListImportCommand extends SupervisionAction {
    /** As large as the REST upload allows. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    @Completion(UnitCompleter.class)
    @Argument(index = 0, name = "unitId", description = "unit id", required = true)
    long unitId;
    @Completion(FileCompleter.class)
    @Argument(index = 1, name = "file", description = "the .xlsx workbook (columns as in GET /v1/power-lists/template)", required = true)
    String file;
    @Reference
    PowerListService lists;

    @Override
    protected Object run() throws IOException {
        Path path = Path.of(file);
        List<PowerItemDraft> rows;
        try (InputStream in = Files.newInputStream(path)) {
            rows = PowerListWorkbook.read(in, MAX_BYTES);
        }
        PowerListImport done = lists.importList(caller(), unitId, path.getFileName().toString(), rows);
        System.out.println("已导入：第 " + done.id() + " 次导入，" + done.items() + " 个事项，替代原清单 " + done.superseded() + " 个事项");
        return null;
    }

    /** The import is an audited write: its refusal is rethrown after the reasons are printed, so the trail records it. */
    @Override
    protected boolean auditsRefusals() {
        return true;
    }
}
