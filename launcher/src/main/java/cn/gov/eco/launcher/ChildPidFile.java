package cn.gov.eco.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the pids of the services the launcher started, so that children left behind by a launcher that was
 * killed with SIGKILL (no shutdown hook runs then) are stopped by the next start. A pid is only acted upon when
 * the live process's command line still contains the marker recorded with it (the service's jar path), so a
 * recycled pid is left alone.
 */
final class ChildPidFile {

    private static final Logger log = LoggerFactory.getLogger(ChildPidFile.class);

    private static final String LAUNCHER = "launcher";

    private final Path file;

    ChildPidFile(Path file) {
        this.file = file;
    }

    /**
     * Stops processes recorded by an earlier run that are still alive; returns how many there were. Fails if the
     * launcher that recorded them is still running: its services are not leftovers.
     */
    int stopLeftovers(Duration grace) {
        if (!Files.exists(file)) {
            return 0;
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                if (parts.length < 3) {
                    continue;
                }
                long pid = Long.parseLong(parts[1]);
                if (parts[0].equals(LAUNCHER)) {
                    if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ChildPidFile::started)
                            .filter(parts[2]::equals).isPresent()) {
                        throw new AlreadyRunningException("Another launcher is already running (pid " + pid
                                + "): stop it first (Ctrl-C in its terminal, or kill " + pid + ").");
                    }
                    continue;
                }
                String marker = parts[2];
                ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                        .ifPresent(p -> {
                            log.warn("Stopping {} (pid {}) left running by an earlier launcher", parts[0], pid);
                            leftovers.add(p);
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        leftovers.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : leftovers) {
            try {
                p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        delete();
        return leftovers.size();
    }

    /** Records the running launcher; call before {@link #record}. */
    void recordLauncher(ProcessHandle launcher) {
        delete();
        record(LAUNCHER, launcher.pid(), started(launcher));
    }

    private static String started(ProcessHandle p) {
        return p.info().startInstant().map(Object::toString).orElse("?");
    }

    static final class AlreadyRunningException extends RuntimeException {
        AlreadyRunningException(String message) {
            super(message);
        }
    }

    void record(String name, long pid, String marker) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, name + "\t" + pid + "\t" + marker + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
