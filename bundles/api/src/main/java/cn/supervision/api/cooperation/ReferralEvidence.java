package cn.supervision.api.cooperation;

import java.time.Instant;

/** A file of a referral, kept with its hash and never deleted: the office's evidence, or the department's result file. */
public record ReferralEvidence(long id, long referralId, String fileName, String contentType, long size, String sha256,
                               boolean fromDepartment, String uploadedBy, Instant uploadedAt) {
}
