package cn.supervision.api.campaign;

import org.osgi.annotation.versioning.ProviderType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.supervision.api.security.Caller;

/** The collection deadline of campaigns, seen by the office: who self-reported, when, and who is late. */
@ProviderType
public interface CampaignDeadlines {

    /** The deadline's time zone: a deadline date ends at midnight there. */
    java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    /** The first instant after the deadline day, or null without a deadline. */
    static Instant endOf(LocalDate deadline) {
        return deadline == null ? null : deadline.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /**
     * One row per target unit the caller sees (READ_INPUTS of the campaign; the city sees a county's once published),
     * in unit code order. Conflict before collection started.
     */
    Lateness lateness(Caller caller, long campaignId);

    /** The campaign's deadline and policy, whether it has passed at the time asked, and the units. */
    record Lateness(long campaignId, LocalDate collectionDeadline, LatePolicy latePolicy, boolean deadlinePassed,
                    List<UnitLateness> units) { }

    /**
     * One target unit: whether every self-reportable indicator (leaves of the duty categories in use) has a self-report
     * not returned by the office ({@code complete}), the first and latest self-report, how many came after the
     * deadline, {@code late} when some did or when the deadline passed incomplete, and the codes still lacking a
     * self-report.
     */
    record UnitLateness(long unitId, String unitCode, String unitName, boolean reported, boolean complete,
                        Instant firstReportAt, Instant lastReportAt, int lateReports, boolean late, List<String> missingCodes) { }
}
