package cn.supervision.duty.analysis.internal;

import cn.supervision.api.duty.DutyRef;

/**
 * One text of the analysis. {@code key} names it for good (D + duty id, I + power item id), so a pair keeps its key
 * across runs; {@code unitCode} with the duty number is how mandates and the labelled set name a duty. PEER texts are
 * held now (active duties of active units, and items no duty covers) and are compared with each other; HELD texts
 * are the active duties of active units that a GAP_SOURCE (a duty nobody is meant to hold any more) is compared with.
 * {@code context} is what the text is read with but weighs less than it: the names of a duty's power-list items.
 */
public record AnalysisDoc(String key, long unitId, String unitCode, Role role, DutyRef ref, String text, String context) {

    /** A text without context. */
    public AnalysisDoc(String key, long unitId, String unitCode, Role role, DutyRef ref, String text) {
        this(key, unitId, unitCode, role, ref, text, null);
    }

    public enum Role {
        /** An active duty of an active unit: compared with the other units' texts, and a possible holder of a gap. */
        DUTY,
        /** A current power-list item mapped to no duty: compared with the other units' texts only. */
        ITEM,
        /** The last mandate of a merged or abolished unit, or a retired duty: does any unit still hold it? */
        GAP_SOURCE
    }

    /** UNITCODE#n for a duty, UNITCODE/itemCode for an item. */
    public String label() {
        return ref.itemId() == null ? unitCode + "#" + ref.dutyNumber() : unitCode + "/" + ref.itemCode();
    }
}
