package org.socketlab.server.cli;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

/**
 * A suite as JUnit XML, the form CI systems read (Jenkins' schema, which GitHub Actions reporters and GitLab
 * follow): one {@code testsuite}, a {@code testcase} per run, each failed check a {@code failure} with the
 * expected and actual text, an {@code error} when the lab could not run the case, and the transcript as
 * text in {@code system-out}.
 */
public final class JUnitReport {
    /** The {@code classname} of every test case, so that tools group them under one name. */
    static final String CLASS_NAME = "socketlab";
    // Seconds always written: LocalDateTime.toString() drops ":00", which is not an xs:dateTime.
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private JUnitReport() {
    }

    /**
     * @param suiteName the {@code testsuite}'s name
     * @param runs      the transcripts
     * @return the XML document
     */
    public static String of(String suiteName, List<Transcript> runs) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suiteName);
            xml.writeAttribute("tests", Integer.toString(runs.size()));
            xml.writeAttribute("failures", Long.toString(count(runs, Outcome.FAILED)));
            xml.writeAttribute("errors", Long.toString(count(runs, Outcome.ERROR)));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(runs.stream().mapToDouble(Transcript::durationMs).sum()));
            Instant start = runs.stream().map(Transcript::startedAt).min(Instant::compareTo).orElse(Instant.now());
            // xs:dateTime without a zone, as Ant and Surefire write it; the time is UTC.
            xml.writeAttribute("timestamp", TIMESTAMP.format(start.atOffset(ZoneOffset.UTC)));
            xml.writeAttribute("hostname", "localhost");
            for (Transcript t : runs) {
                testCase(xml, t);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void testCase(XMLStreamWriter xml, Transcript t) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", t.caseId());
        xml.writeAttribute("classname", CLASS_NAME);
        xml.writeAttribute("time", seconds(t.durationMs()));
        xml.writeAttribute("assertions", Integer.toString(t.checks().size()));
        // Jenkins' schema orders them: error, failure, system-out.
        if (t.outcome() == Outcome.ERROR) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("error");
            xml.writeAttribute("message", XmlText.of(t.error()));
            xml.writeAttribute("type", "error");
            xml.writeCharacters(XmlText.of("The lab could not run the case: " + t.error()));
            xml.writeEndElement();
        }
        for (Check check : t.checks()) {
            if (!check.passed()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", XmlText.of(check.name()));
                xml.writeAttribute("type", "check");
                xml.writeCharacters(XmlText.of(check.name() + "\nexpected: " + shown(check.expected()) + "\nactual:   "
                        + shown(check.actual())));
                xml.writeEndElement();
            }
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(XmlText.of(TranscriptText.of(t)));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static String shown(String text) {
        return text == null ? "(nothing)" : text;
    }

    private static long count(List<Transcript> runs, Outcome outcome) {
        return runs.stream().filter(t -> t.outcome() == outcome).count();
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000);
    }
}
