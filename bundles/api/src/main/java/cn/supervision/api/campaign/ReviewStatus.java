package cn.supervision.api.campaign;

/** A self-report's review by the staffing office: only ACCEPTED self-reports count in scoring. */
public enum ReviewStatus {
    SUBMITTED, ACCEPTED, RETURNED;
}
