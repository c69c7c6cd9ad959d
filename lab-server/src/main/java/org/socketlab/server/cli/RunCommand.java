package org.socketlab.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BiConsumer;

import org.socketlab.api.transcript.Transcript;
import org.socketlab.engine.CaseFailure;
import org.socketlab.engine.RunSettings;
import org.socketlab.server.api.Json;
import org.socketlab.server.api.SuiteJson;
import org.socketlab.server.api.SuiteSummary;
import org.socketlab.server.api.TranscriptJson;
import org.socketlab.server.plugins.Catalogue;

/**
 * {@code run}: one case printed live, or a suite with a line a case and a total; JSON with {@code --json}; report
 * files with {@code --report}. The exit status is the worst outcome's.
 */
public final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where the transcripts and JSON go
     * @param err where problems go (and progress under {@code --json})
     */
    public RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * @param run       the command
     * @param catalogue the cases
     * @return the exit status: 0 passed, 1 failed, 2 error, 64 bad usage
     */
    public int execute(Command.Run run, Catalogue catalogue) {
        try {
            List<SuitePlan.Entry> plan = SuitePlan.of(catalogue, run.selection(), run.params());
            RunSettings options = run.config().runSettings();
            List<Transcript> transcripts = run.selection().single() ? List.of(single(run, plan.get(0), options))
                    : suite(run, plan, options);
            Reports.write(run.reports(), transcripts, run.weights(), id -> catalogue.find(id)
                    .map(c -> c.info().tags()).orElse(List.of()));
            return ExitStatus.of(SuiteSummary.of(transcripts).outcome());
        } catch (UsageException e) {
            return usageError(e, run.json());
        } catch (IOException e) {
            err.println("socketlab: " + e.getMessage());
            return ExitStatus.ERROR;
        }
    }

    private Transcript single(Command.Run run, SuitePlan.Entry entry, RunSettings options) throws UsageException {
        if (!run.json()) {
            return LiveRun.run(entry, options, out, failures(run));
        }
        Transcript transcript = SuiteRunner.run(List.of(entry), 1, options, t -> { }, failures(run)).get(0);
        out.print(Json.pretty(TranscriptJson.of(transcript)) + "\n");
        return transcript;
    }

    private List<Transcript> suite(Command.Run run, List<SuitePlan.Entry> plan, RunSettings options)
            throws UsageException {
        // Under --json, stdout holds one JSON document: the per-case lines go to stderr, for a person watching.
        PrintStream progress = run.json() ? err : out;
        progress.println("Running " + plan.size() + (plan.size() == 1 ? " case" : " cases")
                + (run.jobs() > 1 ? ", " + run.jobs() + " at once" : "") + ":");
        long started = System.nanoTime();
        List<Transcript> transcripts = SuiteRunner.run(plan, run.jobs(), options, t -> {
            progress.print(SuiteText.line(t));
            progress.flush();
        }, failures(run));
        progress.print(SuiteText.total(SuiteSummary.of(transcripts), (System.nanoTime() - started) / 1e6));
        if (run.json()) {
            out.print(Json.pretty(SuiteJson.of(transcripts)) + "\n");
        }
        return transcripts;
    }

    /**
     * With {@code --stack-traces}, the stack trace of each run that ended because the case threw goes to stderr
     * as the run ends: never to stdout, which holds the transcript or the JSON a script reads.
     */
    private BiConsumer<String, CaseFailure> failures(Command.Run run) {
        if (!run.stackTraces()) {
            return (caseId, failure) -> { };
        }
        return (caseId, failure) -> {
            synchronized (err) {
                err.println("socketlab: case " + caseId + " threw: " + failure.trace().stripTrailing());
                err.flush();
            }
        };
    }

    /**
     * Reports a usage error: as {@code {"error", "parameter"}} JSON on stdout under {@code --json} (where a script
     * reads), else as a line on stderr.
     *
     * @param e    the error
     * @param json whether {@code --json} was given
     * @return {@link ExitStatus#USAGE}
     */
    public int usageError(UsageException e, boolean json) {
        if (json) {
            out.print(Json.pretty(Json.error(e.getMessage(), e.parameter())) + "\n");
        } else {
            err.println("socketlab: " + e.getMessage());
        }
        return ExitStatus.USAGE;
    }
}
