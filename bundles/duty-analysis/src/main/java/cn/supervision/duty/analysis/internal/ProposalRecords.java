package cn.supervision.duty.analysis.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.DutyRef;
import cn.supervision.api.duty.ProposalState;
import cn.supervision.duty.analysis.internal.model.DutyProposalEntity;

/** Between a stored proposal and the api's record, both ways. */
final class ProposalRecords {
    /** Between shared terms when stored: no term holds it (terms are words of Chinese text). */
    static final String SEPARATOR = "|";

    private ProposalRecords() {
    }

    static DutyProposalEntity entity(String jurisdictionCode, DutyAnalyser.Candidate c, String by, long at) {
        DutyProposalEntity e = new DutyProposalEntity();
        e.setPairKey(c.key());
        e.setJurisdictionCode(jurisdictionCode);
        e.setKind(c.kind());
        e.setState(ProposalState.PROPOSED);
        e.setSimilarity(Math.round(c.similarity() * 10_000) / 10_000.0);
        e.setSharedTerms(bounded(String.join(SEPARATOR, c.sharedTerms()), 500));
        DutyRef f = c.first().ref();
        e.setFirstUnitId(f.unitId());
        e.setFirstUnitName(bounded(f.unitName(), 200));
        e.setFirstDutyId(f.dutyId());
        e.setFirstDutyNumber(f.dutyNumber());
        e.setFirstItemId(f.itemId());
        e.setFirstItemCode(bounded(f.itemCode(), 64));
        e.setFirstText(bounded(f.text(), DutyProposalEntity.MAX_TEXT));
        if (c.second() != null) {
            DutyRef s = c.second().ref();
            e.setSecondUnitId(s.unitId());
            e.setSecondUnitName(bounded(s.unitName(), 200));
            e.setSecondDutyId(s.dutyId());
            e.setSecondDutyNumber(s.dutyNumber());
            e.setSecondItemId(s.itemId());
            e.setSecondItemCode(bounded(s.itemCode(), 64));
            e.setSecondText(bounded(s.text(), DutyProposalEntity.MAX_TEXT));
        }
        e.setProposedAt(at);
        e.setProposedBy(by);
        return e;
    }

    static DutyProposal value(DutyProposalEntity e) {
        DutyRef first = new DutyRef(e.getFirstUnitId(), e.getFirstUnitName(), e.getFirstDutyId(), e.getFirstDutyNumber(),
                e.getFirstItemId(), e.getFirstItemCode(), e.getFirstText());
        DutyRef second = e.getSecondUnitId() == null ? null : new DutyRef(e.getSecondUnitId(), e.getSecondUnitName(),
                e.getSecondDutyId(), e.getSecondDutyNumber(), e.getSecondItemId(), e.getSecondItemCode(), e.getSecondText());
        List<String> terms = e.getSharedTerms() == null || e.getSharedTerms().isEmpty() ? List.of()
                : Arrays.asList(e.getSharedTerms().split("\\" + SEPARATOR));
        return new DutyProposal(e.getId(), e.getJurisdictionCode(), e.getKind(), first, second, e.getSimilarity(), terms,
                e.getState(), Instant.ofEpochMilli(e.getProposedAt()), e.getDecidedBy(),
                e.getDecidedAt() == null ? null : Instant.ofEpochMilli(e.getDecidedAt()), e.getReason(), findingIds(e.getFindingIds()));
    }

    static List<Long> findingIds(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }

    static String joinIds(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String bounded(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
