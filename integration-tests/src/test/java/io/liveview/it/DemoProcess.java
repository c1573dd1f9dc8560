package io.liveview.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo server in a child JVM with a small heap, so an attack that makes it hold too much shows
 * as an out-of-memory there, not as a slow test JVM. Its stdout and stderr are captured line by line
 * (counted, a bounded number kept in memory) and copied to a log file under {@code target/}. The
 * load generator ({@code io.liveview.load}) starts its server the same way, with its own main class
 * and JVM flags, so the server's heap and RSS are measured apart from the clients'.
 */
public final class DemoProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern RUNNING = Pattern.compile("Demo running: http://localhost:(\\d+)/");
    // Both heap lines of the collectors a 256 MB JVM may pick: G1 ("garbage-first heap ... used 5830K")
    // and Serial/Parallel (one line per generation); Metaspace lines carry no "total".
    private static final Pattern HEAP_USED = Pattern.compile("total[^\\n]*?, used (\\d+)K");
    // A flood may make the server log megabytes; memory and the log file keep a bounded prefix.
    private static final int KEPT_LINES = 2_000;
    private static final int KEPT_LINE_CHARS = 600;
    private static final int FILE_LINES = 50_000;

    private final Process process;
    private final Path logFile;
    private final PrintWriter log;
    private final List<String> kept = new ArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread reader;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private long lines;
    private volatile boolean stopping;

    private DemoProcess(Process process, Path logFile) throws IOException {
        this.process = process;
        this.logFile = logFile;
        Files.createDirectories(logFile.getParent());
        this.log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        this.reader = new Thread(this::pump, "demo-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code io.liveview.demo.DemoApp} on a free port with the test classpath and waits until
     * it says it is running.
     */
    static DemoProcess start(String secret, Path logFile) throws IOException, InterruptedException {
        // An out-of-memory ends the JVM at once, so it shows as a dead demo, not as one limping on.
        return start("io.liveview.demo.DemoApp", List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), secret, logFile);
    }

    /**
     * Starts a main class that prints the demo's {@code Demo running: http://localhost:PORT/} line,
     * in a JVM of the test classpath with the given flags, on a free port, and waits for that line.
     *
     * @param mainClass the class to run; it reads {@code PORT} and {@code LIVEVIEW_SECRET}
     * @param jvmFlags  the child JVM's options, e.g. its heap size
     * @param secret    the server's key
     * @param logFile   where its output is copied
     * @return the running process
     * @throws IOException          if the JVM cannot be started
     * @throws InterruptedException if interrupted while waiting for it to start
     */
    public static DemoProcess start(String mainClass, List<String> jvmFlags, String secret, Path logFile)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classpath(), mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Port 0: the OS picks a free port and the demo prints it, so no other process can take it first.
        builder.environment().put("PORT", "0");
        builder.environment().put("LIVEVIEW_SECRET", secret);
        DemoProcess demo = new DemoProcess(builder.start(), logFile);
        Runtime.getRuntime().addShutdownHook(new Thread(demo.process::destroyForcibly));
        try {
            demo.port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            demo.close();
            throw new IllegalStateException("the demo did not start within " + START_TIMEOUT + "; its output:\n"
                    + String.join("\n", demo.linesSince(0)), e);
        }
        return demo;
    }

    // Under surefire java.class.path is only the booter jar; the real test classpath is this property.
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                record(line);
                Matcher running = RUNNING.matcher(line);
                if (running.find()) {
                    port.complete(Integer.parseInt(running.group(1)));
                }
            }
        } catch (IOException e) {
            // Stopping the demo closes the pipe under the reader; before that, it is a failure.
            if (!stopping) {
                record("[test harness] reading the demo's output failed: " + e);
            }
        } finally {
            port.completeExceptionally(new IllegalStateException("the demo's output ended"));
        }
    }

    private synchronized void record(String line) {
        String shortened = line.length() <= KEPT_LINE_CHARS ? line
                : line.substring(0, KEPT_LINE_CHARS) + "... (" + line.length() + " chars)";
        if (lines < FILE_LINES) {
            log.println(shortened);
        }
        if (kept.size() < KEPT_LINES) {
            kept.add(shortened);
        }
        lines++;
    }

    /** @return the port the server listens on */
    public int port() {
        return port.join();
    }

    /** @return the child JVM's process id */
    public long pid() {
        return process.pid();
    }

    /** How many lines the demo has printed so far; pass it to {@link #linesSince} later. */
    synchronized long lineCount() {
        return lines;
    }

    /** The kept lines printed since a {@link #lineCount()} (shortened, at most {@value #KEPT_LINES} in all). */
    synchronized List<String> linesSince(long mark) {
        return mark >= kept.size() ? List.of() : List.copyOf(kept.subList((int) mark, kept.size()));
    }

    /** Writes a marker into the log file, so each attack's lines can be told apart there. */
    synchronized void mark(String text) {
        log.println("===== [test harness] " + text + " (after " + lines + " lines of the demo)");
    }

    /** @return whether the child JVM still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The status of a plain GET, or -1 with the failure when none came within 10 s. */
    int get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Heap in use right after a full collection, in KB, read with jcmd.
     *
     * @return the heap in use, in KB
     * @throws IOException          if jcmd cannot be run
     * @throws InterruptedException if interrupted while jcmd runs
     */
    public long heapUsedAfterGcKb() throws IOException, InterruptedException {
        // One jcmd for both commands: each jcmd is a JVM start, seconds on a busy machine.
        Path commands = Files.createTempFile("demo-jcmd", ".txt");
        String info;
        try {
            Files.writeString(commands, "GC.run\nGC.heap_info\n");
            info = jcmd("-f", commands.toString());
        } finally {
            Files.deleteIfExists(commands);
        }
        Matcher used = HEAP_USED.matcher(info);
        long kb = 0;
        boolean found = false;
        while (used.find()) {
            kb += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no heap size in jcmd GC.heap_info output:\n" + info);
        }
        return kb;
    }

    /**
     * How many objects of a class the child JVM holds after a full collection, from
     * {@code jcmd GC.class_histogram} (which collects first).
     *
     * @param className the class's binary name
     * @return its live instances, 0 when it has none
     * @throws IOException          if jcmd cannot be run
     * @throws InterruptedException if interrupted while jcmd runs
     */
    public long instancesAfterGc(String className) throws IOException, InterruptedException {
        Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)", Pattern.MULTILINE);
        Matcher found = row.matcher(jcmd("GC.class_histogram"));
        return found.find() ? Long.parseLong(found.group(1)) : 0;
    }

    /**
     * The child JVM's resident set size, from {@code /proc/<pid>/status} (Linux).
     *
     * @return {@code VmRSS} in KB
     * @throws IOException if the file cannot be read or has no such line
     */
    public long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow(() -> new IOException("no VmRSS line for pid " + pid()));
    }

    /**
     * Runs a jcmd command on the child JVM, e.g. {@code GC.run}, {@code JFR.start name=x} or {@code -f <file of commands>}.
     *
     * @param command the command and its arguments
     * @return what jcmd printed
     * @throws IOException          if jcmd cannot be run
     * @throws InterruptedException if interrupted while jcmd runs
     */
    public String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid())));
        line.addAll(List.of(command));
        // Output to a file, not a pipe: reading a pipe has no timeout, waiting for the process has.
        Path output = Files.createTempFile("demo-jcmd", ".txt");
        try {
            Process run = new ProcessBuilder(line)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!run.waitFor(60, TimeUnit.SECONDS)) {
                run.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " did not finish within 60 s");
            }
            String text = Files.readString(output);
            if (run.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed:\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Stops the demo (forcibly after 10 s) and closes the log file. */
    @Override
    public void close() {
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            // Its last lines are still in the pipe.
            reader.join(5_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            log.println("===== [test harness] demo stopped, " + lines + " lines in all; this file: " + logFile.toAbsolutePath());
            log.close();
            if (log.checkError()) {
                throw new UncheckedIOException(new IOException("could not write " + logFile));
            }
        }
    }
}
