package cn.supervision.testing.fakes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemDiff;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.security.Caller;

/**
 * A {@link IndicatorSystemService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeIndicatorSystemService implements IndicatorSystemService {
    @Override
    public List<IndicatorSystem> list(Caller caller, String jurisdictionCode, SystemStatus status) {
        throw unused("list");
    }

    @Override
    public IndicatorSystem get(Caller caller, long id) {
        throw unused("get");
    }

    @Override
    public IndicatorSystem createDraft(Caller caller, String jurisdictionCode, SystemDefinition definition) {
        throw unused("createDraft");
    }

    @Override
    public IndicatorSystem updateDraft(Caller caller, long id, SystemDefinition definition) {
        throw unused("updateDraft");
    }

    @Override
    public IndicatorSystem publish(Caller caller, long id) {
        throw unused("publish");
    }

    @Override
    public IndicatorSystem retire(Caller caller, long id, String reason) {
        throw unused("retire");
    }

    @Override
    public IndicatorSystem copyToDraft(Caller caller, long id, Integer year) {
        throw unused("copyToDraft");
    }

    @Override
    public SystemDiff diff(Caller caller, long fromId, long toId) {
        throw unused("diff");
    }

    @Override
    public List<ValidationProblem> validate(SystemDefinition definition) {
        throw unused("validate");
    }

    @Override
    public IndicatorSystem publishContributed(Caller caller, String jurisdictionCode, String lineage, SystemDefinition definition) {
        throw unused("publishContributed");
    }

    @Override
    public int retireLineages(Caller caller, String lineagePrefix, String reason) {
        throw unused("retireLineages");
    }

    @Override
    public List<ValidationProblem> validateForPublication(SystemDefinition definition) {
        throw unused("validateForPublication");
    }

    @Override
    public Map<Category, BigDecimal> categoryShares(SystemDefinition definition) {
        throw unused("categoryShares");
    }

    @Override
    public Evaluation evaluate(Caller caller, long id, Map<String, IndicatorInput> inputs) {
        throw unused("evaluate");
    }

    @Override
    public <K> Map<K, Evaluation> evaluateAll(Caller caller, long id, Map<K, Map<String, IndicatorInput>> inputsByUnit) {
        throw unused("evaluateAll");
    }

    @Override
    public <K> Map<K, Evaluation> evaluateAll(Caller caller, long id, Map<K, Map<String, IndicatorInput>> inputsByUnit, Map<K, List<DutyRecord>> dutiesByUnit) {
        throw unused("evaluateAll");
    }

    @Override
    public SystemDefinition expandForDuties(SystemDefinition definition, List<DutyRecord> duties) {
        throw unused("expandForDuties");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("IndicatorSystemService." + method + " is not used by this test");
    }
}
