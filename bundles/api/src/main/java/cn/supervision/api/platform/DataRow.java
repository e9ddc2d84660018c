package cn.supervision.api.platform;

/**
 * One row as a partner sends it, as text so every field is validated with its line number. {@code unit}: a unit code
 * of the jurisdiction or a mapped source key; {@code date}: yyyy-MM-dd, yyyy/MM/dd, yyyyMMdd or yyyy-MM (first day);
 * {@code recordId}: the source's record id when rows are single records (tickets), empty for daily figures. A later
 * batch's row with the same metric, unit, date and record id supersedes the earlier value.
 */
public record DataRow(String metric, String unit, String date, String value, String recordId) { }
