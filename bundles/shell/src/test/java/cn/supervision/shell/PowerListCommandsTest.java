package cn.supervision.shell;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.duty.PowerItemStatus;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.duty.PowerListImport;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakePowerListService;
import cn.supervision.spreadsheet.Sheet;
import cn.supervision.spreadsheet.Xlsx;

class PowerListCommandsTest {
    @TempDir
    Path dir;
    private final List<List<PowerItemDraft>> imported = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream console;

    @BeforeEach
    void capture() {
        console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setOut(console);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private PowerListService service(SupervisionException refusal) {
        return new FakePowerListService() {
            @Override
            public PowerListImport importList(Caller caller, long unitId, String fileName, List<PowerItemDraft> rows) {
                assertTrue(caller.isSystem());
                imported.add(rows);
                if (refusal != null) {
                    throw refusal;
                }
                return new PowerListImport(5, unitId, "370500", fileName, rows.size(), 3, Instant.EPOCH, caller.username());
            }

            @Override
            public PowerListGaps gaps(Caller caller, long unitId) {
                return new PowerListGaps(unitId, 2, 2,
                        List.of(new PowerItem(1, unitId, "SCJGJ", "370500", "FW-1", "咨询服务", DutyType.PUBLIC_SERVICE, null, null, null,
                                null, null, null, PowerItemStatus.CURRENT, 5, Instant.EPOCH, "t")),
                        List.of(new DutyRecord(7, unitId, "SCJGJ", "东营市市场监督管理局", UnitStatus.ACTIVE, "370500", 3, "负责特种设备安全监督检查。",
                                DutyType.INSPECTION, DutyStatus.ACTIVE, List.of(), 1, null, null)));
            }
        };
    }

    private Path workbook(List<Object> header, List<Object> row) throws Exception {
        Path file = dir.resolve("scj.xlsx");
        try (OutputStream o = Files.newOutputStream(file)) {
            Xlsx.write(o, List.of(new Sheet("权责清单", List.of(header, row))));
        }
        return file;
    }

    private PowerListImportCommand importing(Path file, SupervisionException refusal) {
        PowerListImportCommand c = new PowerListImportCommand();
        c.unitId = 12;
        c.file = file.toString();
        c.lists = service(refusal);
        return c;
    }

    @Test
    void aWorkbookIsImportedUnderTheOperatorsName() throws Exception {
        importing(workbook(List.of("事项编码", "事项名称", "事项类型", "对应职责序号"), List.of("XK-1", "企业登记", "行政许可", "1")), null).execute();
        assertEquals(List.of(List.of(new PowerItemDraft(2, "XK-1", "企业登记", "行政许可", "", "", "", "", 1))), imported);
        assertTrue(printed().contains("1 个事项，替代原清单 3 个事项"), printed());
    }

    @Test
    void aWrongHeaderIsRefusedWithoutCallingTheServiceAndEveryRowReasonIsPrinted() throws Exception {
        SupervisionException header = assertThrows(SupervisionException.class,
                () -> importing(workbook(List.of("事项编码", "事项名", "事项类型"), List.of("XK-1", "企业登记", "行政许可")), null).execute());
        assertEquals(ProblemKind.INVALID, header.kind());
        assertEquals(List.of(), imported);
        assertTrue(printed().contains("表头第2列  “事项名”不是权责清单的列"), printed());

        SupervisionException rows = SupervisionException.invalid("权责清单有 2 处错误，未导入任何事项",
                List.of(new FieldError("第2行", "事项编码不能为空"), new FieldError("第3行", "对应职责序号 9 不是本单位现行三定规定中的主要职责")));
        assertEquals(rows, assertThrows(SupervisionException.class, () -> importing(workbook(
                List.of("事项编码", "事项名称", "事项类型"), List.of("", "企业登记", "行政许可")), rows).execute()));
        assertTrue(printed().contains("第2行  事项编码不能为空") && printed().contains("第3行  对应职责序号 9"), printed());
    }

    @Test
    void aLostLockDuringAnImportIsABusyRefusalThatReachesKaraf() throws Exception {
        PowerListImportCommand c = importing(workbook(List.of("事项编码", "事项名称", "事项类型", "对应职责序号"),
                List.of("XK-1", "企业登记", "行政许可", "1")), null);
        c.lists = new FakePowerListService() {
            @Override
            public PowerListImport importList(Caller caller, long unitId, String fileName, List<PowerItemDraft> rows) {
                throw new IllegalStateException("rolled back", new RuntimeException(new java.sql.SQLException("lock", "40XL2")));
            }
        };
        SupervisionException busy = assertThrows(SupervisionException.class, c::execute, "audited as a refusal, not as done");
        assertEquals(ProblemKind.BUSY, busy.kind());
        assertTrue(printed().contains("请稍后重试"), printed());
    }

    @Test
    void gapsListItemsWithoutDutiesAndDutiesWithoutItems() throws Exception {
        PowerListGapsCommand c = new PowerListGapsCommand();
        c.unitId = 12;
        c.lists = service(null);
        c.execute();
        assertTrue(printed().contains("未对应主要职责的事项：1") && printed().contains("FW-1  咨询服务"), printed());
        assertTrue(printed().contains("没有事项的主要职责：1") && printed().contains("3. 负责特种设备安全监督检查。（行政检查）"), printed());
    }

    @Test
    void anImportIsAnAuditedWrite() {
        assertEquals("unitId=12; file=/tmp/scj.xlsx",
                ShellAudit.events(Instant.EPOCH, "shell:karaf", "supervision:power-list-import 12 /tmp/scj.xlsx", 400).get(0).recordIds());
        assertTrue(ShellAudit.events(Instant.EPOCH, "shell:karaf", "supervision:power-list-gaps 12", 200).isEmpty());
    }
}
