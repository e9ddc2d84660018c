package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.indicator.Aggregation;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeIndicatorSystemService;

class IndicatorCommandsTest extends CommandTestBase {
    static IndicatorSystem system(long id, String jurisdiction, String name, SystemStatus status) {
        return new IndicatorSystem(id, jurisdiction, "L" + id, 2, status, null, "0123456789abcdef0123",
                new SystemDefinition(name, 2026, Set.of(), Aggregation.POINTS, BigDecimal.valueOf(100), null, null, null, List.of(), List.of()),
                Instant.EPOCH, "t", Instant.EPOCH, "t", null, null);
    }

    private static FakeIndicatorSystemService systems(List<ValidationProblem> problems) {
        return new FakeIndicatorSystemService() {
            @Override
            public List<IndicatorSystem> list(Caller caller, String jurisdictionCode, SystemStatus status) {
                assertEquals("370500", jurisdictionCode);
                assertEquals(SystemStatus.PUBLISHED, status);
                return List.of(system(3, "370500", "东营市职责履行指标体系", SystemStatus.PUBLISHED));
            }

            @Override
            public IndicatorSystem get(Caller caller, long id) {
                if (id != 3) {
                    throw SupervisionException.notFound("指标体系 " + id + " 不存在");
                }
                return system(3, "370500", "东营市职责履行指标体系", SystemStatus.DRAFT);
            }

            @Override
            public List<ValidationProblem> validate(SystemDefinition definition) {
                assertEquals("东营市职责履行指标体系", definition.name());
                return problems;
            }
        };
    }

    @Test
    void systemsAreListedWithAShortHash() throws Exception {
        IndicatorListCommand c = new IndicatorListCommand();
        c.code = "370500";
        c.status = SystemStatus.PUBLISHED;
        c.systems = systems(List.of());
        run(c);
        assertEquals(List.of("3", "370500", "东营市职责履行指标体系", "2026", "2", "PUBLISHED", "0123456789ab"), row("东营市职责履行指标体系"));
    }

    @Test
    void validationListsEveryProblemOrSaysThereIsNone() throws Exception {
        IndicatorValidateCommand c = new IndicatorValidateCommand();
        c.id = 3;
        c.systems = systems(List.of());
        assertEquals("无问题 (valid)" + System.lineSeparator(), run(c));
        c.systems = systems(List.of(new ValidationProblem(ValidationProblem.Severity.ERROR, "A1.weight", "权重之和应为 100"),
                new ValidationProblem(ValidationProblem.Severity.WARNING, "A2", "没有评分规则")));
        assertEquals(List.of("ERROR  A1.weight  权重之和应为 100", "WARNING  A2  没有评分规则"), run(c).lines().toList());
    }

    @Test
    void anUnknownSystemIsNotFound() throws Exception {
        IndicatorShowCommand c = new IndicatorShowCommand();
        c.id = 99;
        c.systems = systems(List.of());
        assertRefused(c, SupervisionException.notFound("x"), "未找到：指标体系 99 不存在", 404);
    }
}
