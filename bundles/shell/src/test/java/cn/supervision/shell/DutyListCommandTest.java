package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyRole;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.DutyType;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeDutyDirectory;

class DutyListCommandTest {
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

    private static DutyRecord record(long id, int number, String text, DutyStatus status, Integer retiredAt) {
        return new DutyRecord(id, 7, "SCJG", "市场监管局", UnitStatus.ACTIVE, "370500", number, text,
                number == 1 ? DutyType.LICENSING : null, status,
                number == 1 ? List.of(new DutyLink("NYNC", 2, 21L, DutyRole.LEAD)) : List.of(), 1, retiredAt,
                retiredAt == null ? null : Instant.EPOCH);
    }

    private DutyListCommand command(boolean retired) {
        DutyListCommand c = new DutyListCommand();
        c.unitId = 7;
        c.retired = retired;
        c.duties = new FakeDutyDirectory() {
            @Override
            public List<DutyRecord> duties(Caller caller, long unitId, boolean includeRetired) {
                assertTrue(caller.isSystem());
                if (unitId != 7) {
                    throw SupervisionException.notFound("单位 " + unitId + " 不存在");
                }
                return includeRetired
                        ? List.of(record(11, 1, "负责食品经营许可。", DutyStatus.ACTIVE, null), record(12, 2, "负责计量。", DutyStatus.RETIRED, 3))
                        : List.of(record(11, 1, "负责食品经营许可。", DutyStatus.ACTIVE, null));
            }
        };
        return c;
    }

    @Test
    void listsCurrentDutiesAndRetiredOnesOnlyWhenAsked() throws Exception {
        command(false).execute();
        String current = out.toString(StandardCharsets.UTF_8);
        assertTrue(current.contains("负责食品经营许可。") && current.contains("行政许可") && current.contains("牵头 NYNC-2"), current);
        assertFalse(current.contains("负责计量。"), current);
        out.reset();
        command(true).execute();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("已取消（第 3 次修订）"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRefusalIsPrintedNotThrown() throws Exception {
        DutyListCommand c = command(false);
        c.unitId = 99;
        assertEquals(null, c.execute());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("单位 99 不存在"));
    }
}
