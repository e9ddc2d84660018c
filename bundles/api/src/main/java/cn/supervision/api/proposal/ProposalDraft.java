package cn.supervision.api.proposal;

import java.util.List;

/** What the office writes: the findings it rests on, its reasoning and the changes. */
public record ProposalDraft(String title, String rationale, List<Long> findingIds, List<ProposalChange> changes) {
}
