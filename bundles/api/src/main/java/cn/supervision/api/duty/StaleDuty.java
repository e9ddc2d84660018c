package cn.supervision.api.duty;

/** An active duty of an active unit not assessed by any campaign of the last years; {@code lastAssessedYear} null: never. */
public record StaleDuty(long dutyId, long unitId, String unitName, int number, String text, Integer lastAssessedYear) {
}
