package cn.gov.eco.embedded.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The wire server's H2 (file) and memory backends, with every unique index wrapped in a {@link KeyLookupIndex} and
 * an {@link EqualityIndex} where the library would ignore a non-unique index, and {@code opcounters} in
 * {@code serverStatus} ({@link OpCounters}). The stored data and its file format
 * are the library's own: a data directory written before this change opens as it was.
 */
public final class KeyLookupBackends {

    /** How long the H2 store keeps a chunk that is no longer current (see {@code H2}). */
    static final int RETENTION_MILLIS = 10 * 60 * 1000;

    private KeyLookupBackends() {
    }

    /** The H2 backend on {@code file}. */
    public static MongoBackend h2(String file) {
        return new H2(file);
    }

    public static MongoBackend memory() {
        return new Memory();
    }

    private static final class H2 extends H2Backend {
        H2(String file) {
            super(file);
            // H2 reuses a chunk 45 s (its default) after it stopped being current; a query that scans a large
            // collection on a busy machine can take longer and then fails with "Chunk … not found". Keep old
            // chunks for 10 minutes: a larger file between compactions, no failed scans.
            getMvStore().setRetentionTime(RETENTION_MILLIS);
        }

        private final OpCounters counters = new OpCounters();

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Document answer = super.handleCommand(channel, database, command, query);
            counters.count(command, answer);
            return answer;
        }

        @Override
        public Document getServerStatus() {
            return counters.addTo(super.getServerStatus());
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new H2Db(databaseName, getMvStore(), getCursorRegistry());
        }
    }

    private static final class H2Db extends H2Database {
        H2Db(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                                                        boolean sparse) {
            return new KeyLookupIndex<>(super.openOrCreateUniqueIndex(collection, name, keys, sparse));
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                                                        boolean sparse) {
            return new EqualityIndex<>(name, keys);
        }
    }

    private static final class Memory extends MemoryBackend {

        private final OpCounters counters = new OpCounters();

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Document answer = super.handleCommand(channel, database, command, query);
            counters.count(command, answer);
            return answer;
        }

        @Override
        public Document getServerStatus() {
            return counters.addTo(super.getServerStatus());
        }
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDb(databaseName, getCursorRegistry());
        }
    }

    private static final class MemoryDb extends MemoryDatabase {
        MemoryDb(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                                                         boolean sparse) {
            return new KeyLookupIndex<>(super.openOrCreateUniqueIndex(collection, name, keys, sparse));
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                                                        boolean sparse) {
            return new EqualityIndex<>(name, keys);
        }
    }
}
