package org.socketlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.socketlab.server.api.CatalogueJson;
import org.socketlab.server.cli.Command;
import org.socketlab.server.cli.CommandLineParser;
import org.socketlab.server.cli.DescribeText;
import org.socketlab.server.cli.ExitStatus;
import org.socketlab.server.cli.RunCommand;
import org.socketlab.server.cli.UsageException;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.Catalogue;
import org.socketlab.server.plugins.PluginWatcher;
import org.socketlab.server.plugins.RegisteredCase;

/** The command line: {@code serve}, {@code list}, {@code describe}, {@code run}; see {@code --help}. */
public final class Main {
    /** Exit status of a run that passed. */
    public static final int EXIT_PASSED = ExitStatus.PASSED;
    /** Exit status of a run whose checks failed (and of a server that could not start). */
    public static final int EXIT_FAILED = ExitStatus.FAILED;
    /** Exit status of a run that ended in error. */
    public static final int EXIT_ERROR = ExitStatus.ERROR;
    /** Exit status of a command line that could not be understood (sysexits' EX_USAGE). */
    public static final int EXIT_USAGE = ExitStatus.USAGE;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @param args the command line */
    public static void main(String[] args) {
        int status = new Main(System.out, System.err).execute(args);
        if (status != EXIT_PASSED) {
            System.exit(status);
        }
    }

    /**
     * Runs one command; {@code serve} blocks until the JVM is asked to stop.
     *
     * @param args the command line
     * @return the exit status
     */
    int execute(String... args) {
        Command command;
        try {
            command = CommandLineParser.parse(args);
        } catch (UsageException | IllegalArgumentException e) {
            if (java.util.Arrays.asList(args).contains("--json")) {
                UsageException usage = e instanceof UsageException u ? u : new UsageException(e.getMessage());
                return new RunCommand(out, err).usageError(usage, true);
            }
            err.println("socketlab: " + e.getMessage());
            err.println("Try 'java -jar socketlab.jar --help'.");
            return EXIT_USAGE;
        }
        // Java 17 has no pattern matching in switch; the sealed interface keeps this chain complete.
        if (command instanceof Command.Help help) {
            return print(org.socketlab.server.cli.Usage.of(help.topic()));
        } else if (command instanceof Command.Version) {
            return print("socketlab " + version());
        } else if (command instanceof Command.ListCases list) {
            return list(list);
        } else if (command instanceof Command.Describe describe) {
            return describe(describe);
        } else if (command instanceof Command.Run run) {
            return new RunCommand(out, err).execute(run, Registries.forRun(run, err).catalogue());
        }
        return serve((Command.Serve) command);
    }

    private int print(String text) {
        out.print(text.endsWith("\n") ? text : text + "\n");
        return EXIT_PASSED;
    }

    private int list(Command.ListCases list) {
        CaseRegistry registry = Registries.load(list.config(), err);
        if (list.json()) {
            out.print(new String(CatalogueJson.render(registry.catalogue()).cases(), StandardCharsets.UTF_8) + "\n");
            return EXIT_PASSED;
        }
        for (RegisteredCase c : registry.catalogue().cases()) {
            out.println(c.id() + "\t" + c.info().title() + "\t" + c.origin());
        }
        return EXIT_PASSED;
    }

    private int describe(Command.Describe describe) {
        Catalogue catalogue = Registries.load(describe.config(), err).catalogue();
        var found = catalogue.find(describe.caseId());
        if (found.isEmpty()) {
            return new RunCommand(out, err).usageError(new UsageException("no case '" + describe.caseId()
                    + "'; 'java -jar socketlab.jar list' shows them"), describe.json());
        }
        if (describe.json()) {
            byte[] detail = CatalogueJson.render(catalogue).details().get(describe.caseId());
            out.print(new String(detail, StandardCharsets.UTF_8) + "\n");
        } else {
            out.print(DescribeText.of(found.get()));
        }
        return EXIT_PASSED;
    }

    private int serve(Command.Serve serve) {
        AccessLog accessLog;
        try {
            accessLog = accessLog(serve.accessLog());
        } catch (IOException e) {
            err.println("socketlab: cannot open the access log " + serve.accessLog() + ": " + e.getMessage());
            return EXIT_FAILED;
        }
        PluginWatcher plugins = Registries.watch(serve.config(), err);
        CaseRegistry registry = plugins.registry();
        SocketLabServer server;
        try {
            server = SocketLabServer.start(serve.config(), registry, accessLog);
        } catch (BindException e) {
            plugins.close();
            err.println("socketlab: cannot listen on " + serve.config().bindAddress().getHostAddress() + ":"
                    + serve.config().port() + " (" + e.getMessage() + "); choose another port with --port, "
                    + "or --port 0 for any free one");
            return EXIT_FAILED;
        } catch (IOException e) {
            plugins.close();
            err.println("socketlab: cannot start the server: " + e.getMessage());
            return EXIT_FAILED;
        }
        // Before the line that says it listens, so a script that waits for that line meets a settled heap.
        HeapTrim.trimThisJvm();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            plugins.close();
            stopped.countDown();
        }, "socketlab-shutdown"));
        out.println("Socket Lab " + version() + " is listening on " + Urls.of(server.address()) + " ("
                + registry.catalogue().cases().size() + " cases; plugin jars go in "
                + serve.config().pluginsDir().toAbsolutePath() + "). Press Ctrl+C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_PASSED;
    }

    private AccessLog accessLog(String target) throws IOException {
        if (target.equals(Command.Serve.ACCESS_LOG_OFF)) {
            return AccessLog.none();
        }
        if (target.equals(Command.Serve.ACCESS_LOG_STDERR)) {
            return AccessLog.to(err);
        }
        // Appended, like nginx's access_log, so a restart never loses earlier lines; the writer buffers.
        return AccessLog.to(Files.newOutputStream(Path.of(target), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    /** @return the version this jar was built as */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
