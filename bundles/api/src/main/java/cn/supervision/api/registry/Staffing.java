package cn.supervision.api.registry;

/** Approved staffing numbers (核定编制): administrative slots, institutional slots and leadership posts. */
public record Staffing(int administrativeSlots, int institutionalSlots, int leadershipPosts) {
    public static final Staffing NONE = new Staffing(0, 0, 0);
}
