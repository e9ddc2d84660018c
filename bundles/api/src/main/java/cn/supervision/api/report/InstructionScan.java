package cn.supervision.api.report;

import java.time.Instant;

/**
 * The scan of a paper instruction, uploaded by the office before it records the instruction (checked as an
 * {@code EvidenceFile}: pdf, ofd, images, Word, at most 10 MB; kept with its SHA-256). {@code instructionId}: the
 * instruction it was recorded with, null until then.
 */
public record InstructionScan(long id, long reportId, String name, String contentType, long size, String sha256,
                              Long instructionId, String uploadedBy, Instant uploadedAt) {
}
