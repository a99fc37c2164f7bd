package cn.gov.eco.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import cn.gov.eco.embedded.mongo.KeyLookupBackends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server ({@code de.bwaldvogel:mongo-java-server}) for the embedded default, reached
 * through the official driver. With the H2 file backend the data is kept in one file across restarts; the memory
 * backend forgets everything on close.
 *
 * <p>It is a stand-in with known gaps (no sessions or multi-document transactions, TTL indexes not enforced,
 * {@code $jsonSchema} validators ignored, change streams only with the oplog enabled): code relies only on
 * single-document atomicity and unique indexes.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    public static final int DEFAULT_PORT = 27017;
    /** The H2 file inside the data directory. */
    public static final String DATA_FILE = "mongo.mv.db";

    private final Path dataDir; // null: memory backend
    private final String host;
    private final boolean oplog;
    private MongoServer server;
    private InetSocketAddress address;

    private MongoWireServer(Path dataDir, String host, boolean oplog) {
        this.dataDir = dataDir == null ? null : dataDir.toAbsolutePath();
        this.host = Objects.requireNonNull(host, "host");
        this.oplog = oplog;
    }

    /** The H2 file backend, its data in {@code dataDir/mongo.mv.db}, bound to 127.0.0.1. */
    public static MongoWireServer h2File(Path dataDir) {
        return new MongoWireServer(Objects.requireNonNull(dataDir, "dataDir"), "127.0.0.1", false);
    }

    /** The memory backend, bound to 127.0.0.1. */
    public static MongoWireServer inMemory() {
        return new MongoWireServer(null, "127.0.0.1", false);
    }

    /** The same server with its oplog enabled, which change streams need. Call before {@link #start(int)}. */
    public MongoWireServer withOplog() {
        return new MongoWireServer(dataDir, host, true);
    }

    /** Binds {@code port} (0 picks a free one) and serves; returns once it accepts connections. */
    public synchronized MongoWireServer start(int port) {
        if (server != null) {
            throw new IllegalStateException("MongoDB wire server already started on " + connectionString());
        }
        long t0 = System.nanoTime();
        MongoBackend backend = backend();
        MongoServer s = new MongoServer(backend);
        if (oplog) {
            s.enableOplog();
        }
        try {
            s.bind(host, port);
        } catch (RuntimeException e) {
            s.shutdownNow();
            throw e;
        }
        server = s;
        address = s.getLocalAddress();
        log.info("MongoDB wire server ({}) started on {} in {} ms", dataDir == null ? "memory" : dataFile(),
                connectionString(), Duration.ofNanos(System.nanoTime() - t0).toMillis());
        return this;
    }

    /** {@code mongodb://host:port}, without a database: each service picks its own. */
    public synchronized String connectionString() {
        if (server == null) {
            throw new IllegalStateException("MongoDB wire server not started");
        }
        return "mongodb://" + host + ":" + address.getPort();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("MongoDB wire server not started");
        }
        return address.getPort();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The H2 data file, or null for the memory backend. */
    public Path dataFile() {
        return dataDir == null ? null : dataDir.resolve(DATA_FILE);
    }

    /** Stops accepting connections, closes the open ones and closes the backend (the H2 file is committed). */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
        } finally {
            server = null;
            address = null;
        }
        log.info("MongoDB wire server stopped");
    }

    private MongoBackend backend() {
        if (dataDir == null) {
            return KeyLookupBackends.memory();
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dataDir, e);
        }
        return KeyLookupBackends.h2(dataFile().toString());
    }
}
