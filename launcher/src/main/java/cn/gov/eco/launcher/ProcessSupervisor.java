package cn.gov.eco.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Starts child processes, forwards their output line by line with a {@code [name] } prefix, waits until they
 * report ready over HTTP, notices when one dies, and stops them all on {@link #close()}: SIGTERM
 * ({@link Process#destroy()}) first, then, after the grace period, SIGKILL ({@link Process#destroyForcibly()}).
 */
public final class ProcessSupervisor implements AutoCloseable {

    private final PrintStream out;
    private final PrintStream err;
    private final Duration gracePeriod;
    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private volatile boolean closing;

    public ProcessSupervisor(PrintStream out, PrintStream err, Duration gracePeriod) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
    }

    /** A started child process. */
    public static final class Child {
        private final String name;
        private final Process process;
        private final URI healthUrl;

        private Child(String name, Process process, URI healthUrl) {
            this.name = name;
            this.process = process;
            this.healthUrl = healthUrl;
        }

        public String name() {
            return name;
        }

        public long pid() {
            return process.pid();
        }

        public Process process() {
            return process;
        }

        /** The URL polled until it answers 200 with status UP, or null when the child has no health check. */
        public URI healthUrl() {
            return healthUrl;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public String toString() {
            return name + " (pid " + process.pid() + ")";
        }
    }

    /** Thrown when a child exits while it is expected to run. */
    public static final class ChildExitedException extends Exception {
        private final String childName;
        private final int exitCode;

        public ChildExitedException(String childName, int exitCode) {
            super(childName + " exited with code " + exitCode);
            this.childName = childName;
            this.exitCode = exitCode;
        }

        public String childName() {
            return childName;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code env} added to this process's environment. Its stdout
     * and stderr are forwarded line by line, each line prefixed with {@code [name] }.
     */
    public Child start(String name, List<String> command, Map<String, String> env, Path workDir, URI healthUrl) {
        if (closing) {
            throw new IllegalStateException("Supervisor is closing");
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        // glibc gives each thread that mallocs its own 64 MiB arena; a JVM with a few hundred threads then holds
        // 100+ MiB of them resident. Two arenas are plenty for what a JVM mallocs (the heap is not malloc'ed).
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", command), e);
        }
        Child child = new Child(name, process, healthUrl);
        children.add(child);
        String prefix = "[" + name + "] ";
        pump(prefix, process.getInputStream(), out, name + "-stdout");
        pump(prefix, process.getErrorStream(), err, name + "-stderr");
        return child;
    }

    public List<Child> children() {
        return List.copyOf(children);
    }

    /**
     * Polls every child's health URL until each answers 200 with {@code "status":"UP"}. Fails as soon as one
     * child exits, or when {@code timeout} has passed.
     */
    public void awaitReady(Duration timeout) throws ChildExitedException, InterruptedException {
        awaitReady(List.copyOf(children), timeout);
    }

    /**
     * Polls one child's health URL until it answers 200 with {@code "status":"UP"}; fails as soon as it exits, or
     * when {@code timeout} has passed. The other children may die and restart meanwhile (the chaos harness).
     */
    public void awaitReady(Child child, Duration timeout) throws ChildExitedException, InterruptedException {
        awaitReady(List.of(child), timeout);
    }

    private void awaitReady(List<Child> watched, Duration timeout) throws ChildExitedException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Child, Boolean> pending = new LinkedHashMap<>();
        watched.stream().filter(c -> c.healthUrl() != null).forEach(c -> pending.put(c, Boolean.TRUE));
        while (!pending.isEmpty()) {
            for (Child child : new ArrayList<>(pending.keySet())) {
                if (!child.isAlive()) {
                    throw new ChildExitedException(child.name(), exitCodeOf(child));
                }
                if (isUp(child.healthUrl())) {
                    pending.remove(child);
                }
            }
            for (Child child : watched) { // one without a health URL may die too
                if (!child.isAlive()) {
                    throw new ChildExitedException(child.name(), exitCodeOf(child));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready after " + timeout.toSeconds() + " s: "
                        + pending.keySet().stream().map(c -> c.name() + " (" + c.healthUrl() + ")").toList());
            }
            Thread.sleep(500);
        }
    }

    /** Blocks until any child exits, and returns it. */
    public Child awaitAnyExit() throws InterruptedException {
        if (children.isEmpty()) {
            throw new IllegalStateException("No children");
        }
        CompletableFuture<?>[] exits = children.stream()
                .map(c -> c.process().onExit().thenApply(p -> c))
                .toArray(CompletableFuture[]::new);
        try {
            return (Child) CompletableFuture.anyOf(exits).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stops one child, with SIGTERM ({@code hard} false, SIGKILL after the grace period) or SIGKILL ({@code hard}
     * true), waits until it has exited and forgets it, so that it may be started again under the same name.
     *
     * @return its exit code
     */
    public int stop(Child child, boolean hard) throws InterruptedException {
        if (hard) {
            child.process().destroyForcibly();
        } else {
            child.process().destroy();
            if (!child.process().waitFor(gracePeriod.toNanos(), TimeUnit.NANOSECONDS)) {
                err.println("[supervisor] " + child + " did not stop within " + gracePeriod.toSeconds()
                        + " s; killing it");
                child.process().destroyForcibly();
            }
        }
        int code = child.process().waitFor();
        children.remove(child);
        return code;
    }

    /** The running child of that name, if any. */
    public java.util.Optional<Child> child(String name) {
        return children.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean isClosing() {
        return closing;
    }

    /**
     * Sends SIGTERM to every child still running, waits up to the grace period for all of them, then kills the
     * rest with SIGKILL. Idempotent.
     */
    @Override
    public synchronized void close() {
        closing = true;
        List<Child> running = children.stream().filter(Child::isAlive).toList();
        if (running.isEmpty()) {
            return;
        }
        running.forEach(c -> c.process().destroy());
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        for (Child child : running) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !child.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    err.println("[launcher] " + child + " did not stop within " + gracePeriod.toSeconds()
                            + " s; killing it");
                    child.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.process().destroyForcibly();
            }
        }
        for (Child child : running) { // reap, so that nothing is left behind when we return
            try {
                child.process().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private boolean isUp(URI url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int exitCodeOf(Child child) {
        try {
            return child.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pump(String prefix, InputStream in, PrintStream to, String threadName) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    to.println(prefix + line);
                }
            } catch (IOException e) {
                // the child is gone; nothing more to forward
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }
}
