package cn.supervision.backup.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

/**
 * etc/cn.supervision.backup.cfg: where backups go, whether the daily scheduler takes one, how many are kept.
 *
 * @param directory where the timestamped backup directories are created
 * @param daily     whether the daily scheduler takes a backup in its run (etc/cn.supervision.scheduler.cfg sets the time)
 * @param retain    how many completed backups are kept; older ones are removed after each new one
 */
record BackupSettings(Path directory, boolean daily, int retain) {
    static final String PID = "cn.supervision.backup";
    static final int DEFAULT_RETAIN = 7;

    static BackupSettings defaults() {
        return new BackupSettings(defaultDirectory(), true, DEFAULT_RETAIN);
    }

    private static Path defaultDirectory() {
        String data = System.getProperty("karaf.data");
        return Path.of(data == null ? "data" : data, "backups").toAbsolutePath().normalize();
    }

    /** Absent keys take their defaults; wrong values are refused together, naming each key. */
    static BackupSettings parse(Dictionary<String, ?> p) {
        BackupSettings d = defaults();
        if (p == null) {
            return d;
        }
        List<String> problems = new ArrayList<>();
        Path directory = d.directory();
        Object dir = p.get("directory");
        if (dir != null && !dir.toString().isBlank()) {
            Path given = Path.of(dir.toString().trim());
            if (!given.isAbsolute() || given.getParent() == null) {
                problems.add("directory 必须是绝对路径，且不能是根目录");
            } else {
                directory = given.normalize();
            }
        }
        boolean daily = d.daily();
        Object schedule = p.get("schedule");
        if (schedule != null && !schedule.toString().isBlank()) {
            switch (schedule.toString().trim().toLowerCase()) {
                case "daily" -> daily = true;
                case "off" -> daily = false;
                default -> problems.add("schedule 必须是 daily 或 off");
            }
        }
        int retain = d.retain();
        Object r = p.get("retain");
        if (r != null && !r.toString().isBlank()) {
            try {
                retain = Integer.parseInt(r.toString().trim());
                if (retain < 1) {
                    problems.add("retain 必须至少为 1");
                }
            } catch (NumberFormatException e) {
                problems.add("retain 必须是整数");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        return new BackupSettings(directory, daily, retain);
    }
}
