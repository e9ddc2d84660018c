package cn.supervision.api.backup;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.supervision.api.security.Caller;

/**
 * Online backups of the embedded database: taken while the platform keeps writing, kept in the directory of
 * etc/cn.supervision.backup.cfg, the oldest beyond the configured number removed. The root jurisdiction's office (and
 * platform operators) only: {@code Operation.ADMINISTER_BACKUPS}. Every backup is recorded in the audit trail.
 */
@ProviderType
public interface BackupService {

    /**
     * Takes a backup now and returns it once it is complete. Refused as busy while another backup runs, as
     * unavailable when the database is not one that can be copied online (not embedded Derby).
     */
    Backup backup(Caller caller);

    /** The completed backups, newest first. */
    List<Backup> list(Caller caller);
}
