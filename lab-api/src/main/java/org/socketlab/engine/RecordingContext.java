package org.socketlab.engine;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.socketlab.api.Actor;
import org.socketlab.api.Params;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TaskBody;
import org.socketlab.api.TargetNotAllowedException;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.TranscriptEvent;

/**
 * The run context handed to a case: owns the run's recorder, actors, sockets and tasks. Its public methods
 * beyond {@link RunContext} are for the contract's socket classes, which record through it.
 */
public final class RecordingContext implements RunContext {
    private final String caseId;
    private final String runId;
    private final Params params;
    private final RunSettings options;
    private final Recorder recorder;
    private final ConnectionIds connectionIds = new ConnectionIds();
    private final long deadlineNanos;
    private final Map<String, Actor> actors = new ConcurrentHashMap<>();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final List<TaskThread<?>> tasks = new CopyOnWriteArrayList<>();
    // Where each actor's program is, per thread as a debugger's cursor: the threads of a threaded server run
    // different lines at once. A thread the actor's code starts begins where its starter was. The recorder
    // reads it on the thread that makes each event.
    private final Map<String, InheritableThreadLocal<ProgramLine>> positions = new ConcurrentHashMap<>();

    private final DefaultProgramLines defaultLines;

    /** @param programs the case's programs, for the lines of events whose actor never called {@link Actor#at} */
    RecordingContext(String caseId, String runId, Params params, RunSettings options, List<Program> programs) {
        this.defaultLines = new DefaultProgramLines(programs);
        this.caseId = caseId;
        this.runId = runId;
        this.params = params;
        this.options = options;
        this.recorder = new Recorder(options.maxEvents(), options.maxRecordedBytes(), options.listener(),
                this::positionOf);
        this.deadlineNanos = System.nanoTime() + options.timeLimit().toNanos();
    }

    @Override
    public String caseId() {
        return caseId;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public Actor actor(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        return actors.computeIfAbsent(name, n -> ContractAccess.get().newActor(n, this));
    }

    @Override
    public Task<Void> start(String name, TaskBody body) {
        Objects.requireNonNull(body, "body");
        return supply(name, () -> {
            body.run();
            return null;
        });
    }

    @Override
    public <T> Task<T> supply(String name, Callable<T> body) {
        Objects.requireNonNull(body, "body");
        TaskThread<T> task = new TaskThread<>(name, () -> {
            try {
                return body.call();
            } catch (Exception | Error e) {
                // Socket failures are already in the transcript; anything else is shown here as it happens.
                if (!recorder.alreadyRecorded(e)) {
                    recorder.failure(name, null, null, null, e, name + " failed: " + Failures.describe(e));
                }
                throw e;
            }
        }, this);
        tasks.add(task);
        task.begin();
        return ContractAccess.get().newTask(task);
    }

    @Override
    public boolean check(String name, boolean passed, String expected, String actual) {
        recorder.check(new Check(name, passed, expected, actual));
        return passed;
    }

    @Override
    public boolean checkEquals(String name, Object expected, Object actual) {
        return check(name, Objects.equals(expected, actual), expected == null ? null : String.valueOf(expected),
                actual == null ? null : String.valueOf(actual));
    }

    @Override
    public List<TranscriptEvent> events() {
        return recorder.events();
    }

    @Override
    public void note(String text) {
        recorder.message(Recorder.LAB_ACTOR, EventKind.NOTE, text);
    }

    @Override
    public int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return probe.getLocalPort();
        }
    }

    @Override
    public Duration ioTimeout() {
        return options.ioTimeout();
    }

    @Override
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Says which line of which program an actor is executing on the calling thread (and the threads it starts
     * from now on), until the next call: its events name that line.
     *
     * @param actor the actor's name
     * @param line  the line
     */
    public void at(String actor, ProgramLine line) {
        positions.computeIfAbsent(actor, a -> new InheritableThreadLocal<>()).set(line);
    }

    private ProgramLine positionOf(String actorName, EventKind kind, String protocol, String text) {
        InheritableThreadLocal<ProgramLine> position = positions.get(actorName);
        ProgramLine said = position == null ? null : position.get();
        return said != null ? said : defaultLines.of(actorName, kind, protocol, text);
    }

    /** @return the run's recorder */
    public Recorder recorder() {
        return recorder;
    }

    /** @return the run's connection ids */
    public ConnectionIds connectionIds() {
        return connectionIds;
    }

    List<TaskThread<?>> tasks() {
        return tasks;
    }

    /**
     * Resolves a host the actor wants to reach under the run's targets, recording why when it cannot.
     *
     * @param actor    the actor
     * @param protocol {@code tcp} or {@code udp}
     * @param host     the host
     * @param port     the port
     * @param target   {@code host:port}, as the error event shows it
     * @return the address
     * @throws UnknownHostException      if the host is invalid
     * @throws TargetNotAllowedException if the run may not reach it
     */
    public InetAddress resolve(Actor actor, String protocol, String host, int port, String target)
            throws UnknownHostException {
        try {
            return options.targets().resolve(host, port);
        } catch (UnknownHostException e) {
            recorder.failure(actor.name(), protocol, null, target, e, "Unknown host: " + host);
            throw e;
        } catch (TargetNotAllowedException e) {
            recorder.failure(actor.name(), protocol, null, target, e, e.getMessage());
            throw e;
        }
    }

    /**
     * @param timeout a positive time-out
     * @return it in milliseconds, at least 1, for a socket's setSoTimeout
     * @throws IllegalArgumentException if it is not positive
     */
    public int millis(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a time-out must be positive, got " + timeout);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /** @param socket a socket of the run, closed when the run ends if the case did not */
    public void register(Closeable socket) {
        open.add(socket);
    }

    /** @param socket a socket of the run to close now; best effort */
    public void close(Closeable socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort: the socket is unusable either way.
        }
    }

    /** Closes every socket still open and interrupts every task: unblocks whatever still waits. */
    void shutdown() {
        for (Closeable socket : List.copyOf(open)) {
            close(socket);
        }
        for (TaskThread<?> task : tasks) {
            task.thread().interrupt();
        }
    }
}
