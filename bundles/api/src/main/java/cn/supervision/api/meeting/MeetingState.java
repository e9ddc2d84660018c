package cn.supervision.api.meeting;

/**
 * The life of a joint meeting (联席会议, art. 25): scheduled (date, place, agenda may still change), held (attendance
 * recorded; minutes and decisions are written), minutes issued (fixed from then on). Only a scheduled meeting can be
 * cancelled, with a reason.
 */
public enum MeetingState {
    SCHEDULED("已安排"), HELD("已召开"), MINUTES_ISSUED("纪要已印发"), CANCELLED("已取消");

    private final String label;

    MeetingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
