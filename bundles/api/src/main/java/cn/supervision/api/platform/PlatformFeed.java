package cn.supervision.api.platform;

import java.io.IOException;
import java.io.InputStream;

/**
 * SPI: a way to pull platform data from a partner system, registered as an OSGi service. The platform schedules,
 * times out, retries and records runs; a feed only fetches.
 */
public interface PlatformFeed {

    /** The {@link FeedDefinition#type()} it serves, e.g. "http". */
    String type();

    /** Fetches one document in the definition's format; {@code timeoutMillis} bounds connecting and reading. */
    Fetched fetch(FeedDefinition definition, int timeoutMillis) throws IOException;

    /**
     * A fetched document. {@code batchId}: an id of the content (e.g. from a header) or null to use a hash of the
     * bytes, so a re-fetch of unchanged data is a no-op.
     */
    record Fetched(InputStream content, String batchId) { }
}
