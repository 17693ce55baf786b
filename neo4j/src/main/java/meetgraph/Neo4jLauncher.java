package meetgraph;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community embedded, with only the Bolt connector, bound to 127.0.0.1.
 *
 * Why embedded rather than Neo4j's own server entry point: the server needs a full
 * NEO4J_HOME layout (conf/, plugins/, lib/ and the admin tooling to set an initial
 * password), none of which Maven Central ships. Embedded needs only the jars and lets
 * us set the password through the system database before Bolt accepts anyone.
 *
 * Arguments: --data-dir DIR --bolt-port N --page-cache BYTES [--plugins-dir DIR]
 * Environment: NEO4J_PASSWORD (kept out of argv so `ps` does not show it).
 * Prints one line "MEETGRAPH_NEO4J_READY bolt://127.0.0.1:N" once Bolt accepts connections,
 * and "MEETGRAPH_NEO4J_ERROR <reason>" (exit 2) when it cannot start.
 */
public final class Neo4jLauncher {
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path dataDir = Path.of(require(opts, "data-dir")).toAbsolutePath();
        int boltPort = Integer.parseInt(require(opts, "bolt-port"));
        long pageCache = Long.parseLong(opts.getOrDefault("page-cache", String.valueOf(256L * 1024 * 1024)));
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("NEO4J_PASSWORD must be set and at least 8 characters long");
        }
        if (!portIsFree(boltPort)) {
            fail("port " + boltPort + " on 127.0.0.1 is already in use; stop what uses it or set NEO4J_BOLT_PORT");
        }
        Files.createDirectories(dataDir);
        String pluginsDir = opts.get("plugins-dir");

        DatabaseManagementService dbms;
        try {
            var builder = new DatabaseManagementServiceBuilder(dataDir);
            if (pluginsDir != null) {
                builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(pluginsDir).toAbsolutePath())
                        .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
            }
            dbms = builder
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(HttpConnector.enabled, false)
                    .build();
        } catch (RuntimeException e) {
            fail(describe(e, dataDir));
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("MEETGRAPH_NEO4J_STOPPING");
            dbms.shutdown();
            stopped.countDown();
        }, "meetgraph-neo4j-shutdown"));

        setPassword(dbms, password);
        System.out.println("MEETGRAPH_NEO4J_READY bolt://127.0.0.1:" + boltPort);
        System.out.flush();
        stopped.await();
    }

    /** The embedded API bypasses auth, so this is how the initial password gets set. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try (var tx = system.beginTx()) {
            tx.execute("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            tx.commit();
        } catch (RuntimeException e) {
            // Setting the password it already has is refused; anything else is a real problem.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Throwable e, Path dataDir) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (msg.contains("lock") || t.getClass().getSimpleName().contains("Lock")) {
                return "the data directory " + dataDir + " is locked by another Neo4j process; "
                        + "run `npm run db:status` / `npm run db:stop`, or end the stray java process";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return e.getMessage() + (root == e ? "" : " (cause: " + root + ")") + "; details in " + dataDir.resolve("logs/debug.log");
    }

    private static Map<String, String> parse(String[] args) {
        var map = new java.util.HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) fail("unexpected argument " + args[i]);
            map.put(args[i].substring(2), args[i + 1]);
        }
        return map;
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) fail("missing --" + key);
        return v;
    }

    private static void fail(String reason) {
        System.out.println("MEETGRAPH_NEO4J_ERROR " + reason);
        System.out.flush();
        System.exit(2);
    }
}
