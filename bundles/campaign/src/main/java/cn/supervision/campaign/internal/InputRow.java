package cn.supervision.campaign.internal;

import java.util.List;

import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.campaign.internal.model.InputEntity;

/**
 * The columns of a recorded input that scoring reads. Loading a campaign's 40 000 inputs as these projections skips
 * materialising and tracking as many entities, which is most of a cold start.
 */
record InputRow(long id, long unitId, String code, InputSource source, String inputJson, ReviewStatus review, String enteredBy,
                long enteredAt) {

    /** The select list, in the order of the constructor's parameters, for {@link #of(Object[])}. */
    static final String COLUMNS = "i.id, i.unitId, i.code, i.source, i.inputJson, i.review, i.enteredBy, i.enteredAt";

    static InputRow of(Object[] c) {
        return new InputRow((Long) c[0], (Long) c[1], (String) c[2], (InputSource) c[3], (String) c[4], (ReviewStatus) c[5],
                (String) c[6], (Long) c[7]);
    }

    static InputRow of(InputEntity e) {
        return new InputRow(e.getId(), e.getUnitId(), e.getCode(), e.getSource(), e.getInputJson(), e.getReview(), e.getEnteredBy(),
                e.getEnteredAt());
    }

    static List<InputRow> of(List<InputEntity> entities) {
        return entities.stream().map(InputRow::of).toList();
    }
}
