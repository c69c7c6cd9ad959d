package org.socketlab.server.api;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.LabCase;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.server.plugins.CaseRegistry;

/**
 * The transcript JSON writer: a recorded run's transcript to the bytes the API sends, for a short
 * transcript (a default missing-message run) and a long one (the port scanner over 1,024 ports).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranscriptJsonBenchmark {

    /** Which recorded run to write. */
    @Param({"missing-message", "port-scanner-1024"})
    public String run;

    private Transcript transcript;

    @Setup(Level.Trial)
    public void record() {
        String caseId = run.startsWith("port-scanner") ? "port-scanner" : run;
        Map<String, ?> params = caseId.equals("port-scanner") ? Map.of("ports", "40001-41024") : Map.of();
        LabCase labCase = CaseRegistry.ofBuiltIns().catalogue().find(caseId).orElseThrow().labCase();
        transcript = CaseRunner.run(labCase, params);
    }

    @Benchmark
    public byte[] toJsonBytes() {
        return Json.bytes(TranscriptJson.of(transcript));
    }
}
