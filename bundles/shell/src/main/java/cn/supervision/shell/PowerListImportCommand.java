package cn.supervision.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.powerlist.workbook.PowerListWorkbook;

@Command(scope = "supervision", name = "power-list-import",
        description = "Imports a unit's power and responsibility list (权责清单) from an .xlsx file: all rows or none; the unit's current list is superseded")
@Service
public class PowerListImportCommand implements Action {
    /** As large as the REST upload allows. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    @Argument(index = 0, name = "unitId", description = "unit id", required = true)
    long unitId;
    @Argument(index = 1, name = "file", description = "the .xlsx workbook (columns as in GET /v1/power-lists/template)", required = true)
    String file;
    @Reference
    PowerListService lists;
    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        Path path = Path.of(file);
        List<PowerItemDraft> rows;
        try (InputStream in = Files.newInputStream(path)) {
            rows = PowerListWorkbook.read(in, MAX_BYTES);
        } catch (SupervisionException e) {
            throw report(e);
        }
        try {
            PowerListImport done = lists.importList(Operators.caller(session), unitId, path.getFileName().toString(), rows);
            System.out.println("已导入：第 " + done.id() + " 次导入，" + done.items() + " 个事项，替代原清单 " + done.superseded() + " 个事项");
            return null;
        } catch (SupervisionException e) {
            throw report(e);
        }
    }

    /** Every reason on its own line; the refusal itself is rethrown so that the audit trail records it as one. */
    private static SupervisionException report(SupervisionException e) {
        System.out.println(e.title() + "：" + e.getMessage());
        for (FieldError f : e.errors()) {
            System.out.println("  " + f.field() + "  " + f.message());
        }
        return e;
    }
}
