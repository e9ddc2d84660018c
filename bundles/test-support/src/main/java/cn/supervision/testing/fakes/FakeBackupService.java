package cn.supervision.testing.fakes;

import java.util.List;

import cn.supervision.api.backup.Backup;
import cn.supervision.api.backup.BackupService;
import cn.supervision.api.security.Caller;

/**
 * A {@link BackupService} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeBackupService implements BackupService {
    @Override
    public Backup backup(Caller caller) {
        throw unused("backup");
    }

    @Override
    public List<Backup> list(Caller caller) {
        throw unused("list");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("BackupService." + method + " is not used by this test");
    }
}
