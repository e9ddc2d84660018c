package cn.supervision.duty.coverage.internal;

import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyType;

/** A duty as a coverage line shows it: the directory's current wording, or the wording a campaign froze in its leaf. */
record DutyRow(long id, int number, String text, DutyType type) {

    static DutyRow of(DutyRecord d) {
        return new DutyRow(d.id(), d.number(), d.text(), d.type());
    }

    static DutyRow of(DutyLeaf l) {
        return new DutyRow(l.dutyId(), l.dutyNumber(), l.dutyText(), l.dutyType());
    }
}
