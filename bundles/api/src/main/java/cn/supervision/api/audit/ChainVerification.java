package cn.supervision.api.audit;

/**
 * The outcome of walking the chain from the first entry to the last.
 *
 * @param checked       entries read
 * @param lastSequence  the last entry's sequence (0 when the trail is empty)
 * @param brokenAt      the first entry whose hash, link or sequence does not hold; {@code null} when intact
 * @param reason        why that entry breaks the chain (Chinese, for the operator)
 */
public record ChainVerification(long checked, long lastSequence, Long brokenAt, String reason) {

    public boolean intact() {
        return brokenAt == null;
    }
}
