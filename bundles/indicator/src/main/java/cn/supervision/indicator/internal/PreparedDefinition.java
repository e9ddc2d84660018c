package cn.supervision.indicator.internal;

import java.util.List;
import java.util.Map;

import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.PreparedSystem;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.registry.DutyRecord;

/** A definition already read and validated: scoring a unit is the evaluation alone, no database and no validation. */
final class PreparedDefinition implements PreparedSystem {
    private final long id;
    private final SystemDefinition definition;
    private final Evaluator evaluator;
    private final DutyExpander expander;

    PreparedDefinition(long id, SystemDefinition definition, Evaluator evaluator, DutyExpander expander) {
        this.id = id;
        this.definition = definition;
        this.evaluator = evaluator;
        this.expander = expander;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public SystemDefinition definition() {
        return definition;
    }

    @Override
    public Evaluation evaluate(Map<String, IndicatorInput> inputs) {
        return evaluator.evaluate(definition, inputs);
    }

    @Override
    public Evaluation evaluate(Map<String, IndicatorInput> inputs, List<DutyRecord> duties) {
        return evaluator.evaluate(expander.expand(definition, duties), inputs);
    }
}
