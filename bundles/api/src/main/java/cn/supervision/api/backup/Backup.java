package cn.supervision.api.backup;

import java.time.Instant;
import java.util.Objects;

/**
 * One completed backup.
 *
 * @param path     the backup's own directory (holds the database copy in a subdirectory named after the database)
 * @param database the name of the database directory inside {@code path}, what {@code restoreFrom} points at
 * @param started  when the copy began; the backup holds the database as it was when the copy ended
 * @param finished when the copy ended
 * @param bytes    size of the copy on disk
 */
public record Backup(String path, String database, Instant started, Instant finished, long bytes) {

    public Backup {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
    }

    public long millis() {
        return finished.toEpochMilli() - started.toEpochMilli();
    }
}
