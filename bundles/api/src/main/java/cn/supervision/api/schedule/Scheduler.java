package cn.supervision.api.schedule;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/** Runs every {@link ScheduledPass} once a day at the configured time (Asia/Shanghai) and on demand. */
@ProviderType
public interface Scheduler {

    /** Runs one pass by name, or all of them when {@code pass} is null, now; office administrators and the platform only. */
    List<PassResult> runNow(Caller caller, String pass);

    /** The latest runs, newest first. */
    List<PassResult> history(Caller caller, int limit);
}
