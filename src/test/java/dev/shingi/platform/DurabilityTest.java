package dev.shingi.platform;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What survives a crash of an embedded H2 file database: every row committed before {@link Durability#awaitDurable}
 * returned, from many threads at once; a row committed without it is lost. The crash is H2's own
 * {@code SHUTDOWN IMMEDIATELY}, which closes the file without writing what is pending (as SIGKILL would); the background
 * writer is set to a minute so that it cannot write in the test's stead.
 */
class DurabilityTest {

    @TempDir
    Path dir;

    @Test
    void whatWasAwaitedSurvivesACrashFromManyThreadsAndWhatWasNotIsLost() throws Exception {
        JdbcDataSource ds = dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE acknowledged (id INT PRIMARY KEY)");
        Durability durability = new Durability(ds);
        durability.awaitDurable(); // the table itself

        ConcurrentLinkedQueue<Integer> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    int id = client * 1000 + i;
                    jdbc.update("INSERT INTO acknowledged (id) VALUES (?)", id); // auto-commit
                    durability.awaitDurable();
                    acknowledged.add(id);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        jdbc.update("INSERT INTO acknowledged (id) VALUES (?)", -1); // committed, never awaited

        jdbc.execute("SHUTDOWN IMMEDIATELY");

        List<Integer> survived = new JdbcTemplate(dataSource()).queryForList("SELECT id FROM acknowledged", Integer.class);
        assertThat(acknowledged).hasSize(400);
        assertThat(survived).containsAll(acknowledged).doesNotContain(-1);
    }

    /**
     * Group commit with siblings: a caller about to write waits for a command still running (announced before the
     * caller's commit) to reach its own wait, so one chunk covers both; both rows survive the crash, the one that was
     * never announced nor awaited does not.
     */
    @Test
    void aChunkWaitsForTheCommandsStillRunningAndCoversThemToo() throws Exception {
        JdbcDataSource ds = dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE acknowledged (id INT PRIMARY KEY)");
        Durability durability = new Durability(ds, Duration.ofSeconds(30));
        durability.awaitDurable(); // the table itself; finds the store
        Durability.Shared before = durability.shared();

        CountDownLatch siblingRunning = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<?> sibling = clients.submit(() -> {
            durability.commandStarted();
            siblingRunning.countDown();
            pause(300); // still running when the first caller is ready to write
            jdbc.update("INSERT INTO acknowledged (id) VALUES (2)");
            durability.awaitDurable();
            return null;
        });
        Future<?> first = clients.submit(() -> {
            siblingRunning.await();
            durability.commandStarted();
            jdbc.update("INSERT INTO acknowledged (id) VALUES (1)");
            durability.awaitDurable();
            return null;
        });
        first.get();
        sibling.get();
        clients.shutdown();
        Durability.Shared after = durability.shared();
        jdbc.update("INSERT INTO acknowledged (id) VALUES (-1)"); // committed, never awaited

        jdbc.execute("SHUTDOWN IMMEDIATELY");

        assertThat(after.callers() - before.callers()).isEqualTo(2);
        assertThat(after.chunks() - before.chunks()).isEqualTo(1);
        assertThat(new JdbcTemplate(dataSource()).queryForList("SELECT id FROM acknowledged ORDER BY id", Integer.class))
                .containsExactly(1, 2);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=60000;DB_CLOSE_DELAY=-1");
        // kept open between connections: closing the last one would otherwise close the database and write it all
        ds.setUser("sa");
        return ds;
    }
}
