package cn.supervision.api.campaign;

import java.util.List;

import cn.supervision.api.problem.ProblemKind;

/**
 * The answer to {@link CampaignService#recordInputs}: one outcome per draft, in the order given. All or nothing:
 * {@code written} is true only when every draft was accepted and stored; when any was refused nothing was stored and
 * no outcome carries a record.
 */
public record InputBatch(boolean written, List<Outcome> outcomes) {

    public InputBatch {
        outcomes = List.copyOf(outcomes);
    }

    /** Outcomes of refused drafts. */
    public List<Outcome> refused() {
        return outcomes.stream().filter(o -> o.refusal() != null).toList();
    }

    /**
     * One draft's outcome: {@code record} when stored; {@code refusal} and {@code reason} when the draft itself was refused
     * (another draft's refusal leaves both null on an accepted one).
     */
    public record Outcome(int index, InputRecord record, ProblemKind refusal, String reason) {
    }
}
