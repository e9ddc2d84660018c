package cn.supervision.backup.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.supervision.api.backup.Backup;

/**
 * The backup directory: one subdirectory per backup, named by its start in UTC ({@code 20261130T183000Z}), with a
 * {@value #MARKER} written last. Only directories of that name holding that file are backups: listing and retention
 * never look at, let alone delete, anything else in the directory (an operator's own files, a half-written copy of a
 * run that crashed, a symbolic link).
 */
final class BackupDirectory {
    static final String MARKER = "backup.properties";
    static final Pattern NAME = Pattern.compile("\\d{8}T\\d{6}Z(-\\d{1,3})?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    BackupDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** A new empty directory for a backup started at {@code started}; a second one in the same second gets a suffix. */
    Path create(Instant started) throws IOException {
        Files.createDirectories(root);
        String base = STAMP.format(started);
        for (int i = 1; i < 1000; i++) {
            Path dir = root.resolve(i == 1 ? base : base + "-" + i);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Files.createDirectory(dir);
            }
        }
        throw new IOException("备份目录 " + root + " 中同一秒的备份过多");
    }

    /** Marks the backup complete: from now on it is listed and counted by retention. */
    void complete(Path dir, Backup b) throws IOException {
        Properties p = new Properties();
        p.setProperty("database", b.database());
        p.setProperty("started", b.started().toString());
        p.setProperty("finished", b.finished().toString());
        p.setProperty("bytes", Long.toString(b.bytes()));
        Path tmp = dir.resolve(MARKER + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "supervision database backup");
        }
        Files.move(tmp, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Completed backups, newest first (one whose marker cannot be read is left alone: neither listed nor pruned). */
    List<Backup> completed() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children.sorted(Comparator.comparing(BackupDirectory::order).reversed()).toList()) {
                Backup b = isBackup(dir) ? read(dir) : null;
                if (b != null) {
                    found.add(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Deletes the completed backups beyond the newest {@code retain}; returns what it deleted. */
    List<Path> prune(int retain) throws IOException {
        List<Backup> all = completed();
        List<Path> deleted = new ArrayList<>();
        for (Backup old : all.subList(Math.min(retain, all.size()), all.size())) {
            Path dir = Path.of(old.path());
            delete(dir);
            deleted.add(dir);
        }
        return deleted;
    }

    /** Removes what a failed run left (a directory this class created, never anything else). */
    void discard(Path dir) throws IOException {
        delete(dir);
    }

    private boolean isBackup(Path dir) {
        return ours(dir) && Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /** A real directory directly inside the backup directory, named like a backup. */
    private boolean ours(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return root.equals(d.getParent()) && NAME.matcher(d.getFileName().toString()).matches()
                && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS);
    }

    private void delete(Path dir) throws IOException {
        if (!ours(dir)) {
            throw new IOException("拒绝删除不是备份的路径 " + dir);
        }
        // walkFileTree does not follow links: a link inside a backup is removed, never what it points at
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private Backup read(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(MARKER), StandardCharsets.UTF_8)) {
            p.load(r);
            return new Backup(dir.toString(), p.getProperty("database", ""), Instant.parse(p.getProperty("started")),
                    Instant.parse(p.getProperty("finished")), Long.parseLong(p.getProperty("bytes", "0")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Chronological: the stamp, then the same-second suffix as a number. */
    private static String order(Path dir) {
        String name = dir.getFileName().toString();
        int dash = name.indexOf('-');
        return dash < 0 ? name + "-000" : name.substring(0, dash) + "-" + "0".repeat(4 - name.length() + dash) + name.substring(dash + 1);
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
