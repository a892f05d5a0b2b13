package dev.shingi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shingi in a JVM of its own ({@code java -cp <test classpath> dev.shingi.ShingiApplication}) on a free loopback port,
 * so that a test can kill it the hard way: {@link #kill()} is SIGKILL, no shutdown hook runs, nothing is flushed or
 * released. The database settings come from the properties given and, for PostgreSQL, from the SHINGI_DB_* variables
 * this process passes on.
 */
public final class AppProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application and returns when its health endpoint says UP. */
    public static AppProcess start(Map<String, String> properties, List<String> jvmOptions, Path log, Duration timeout) {
        int port = freePort();
        try {
            Path args = Files.createTempFile("shingi-app-", ".args");
            Files.writeString(args, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
            args.toFile().deleteOnExit();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            // Axon's update checker would report to AxonIQ over the network: tests talk to loopback only
            command.add("-Daxoniq.update-checker.disabled=true");
            command.add("@" + args);
            command.add("dev.shingi.ShingiApplication");
            command.add("--server.port=" + port);
            command.add("--server.address=127.0.0.1");
            if (TestDatabase.profiles().length > 0) {
                command.add("--spring.profiles.active=" + String.join(",", TestDatabase.profiles()));
            }
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            AppProcess app = new AppProcess(process, port, log);
            app.awaitHealthy(timeout);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Http http() {
        return Http.localhost(port);
    }

    private void awaitHealthy(Duration timeout) {
        Http http = http();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Shingi exited with " + process.exitValue() + " while starting; log:\n" + tail());
            }
            try {
                Http.Reply r = http.get("/actuator/health");
                if (r.status() == 200 && r.raw().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Shingi did not become healthy within " + timeout + "; log:\n" + tail());
    }

    /** SIGKILL: the JVM dies at once, in the middle of whatever it was doing. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: a clean shutdown. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
