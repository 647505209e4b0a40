package dev.newspipe.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newspipe.events.Topics;
import dev.newspipe.localkafka.LocalKafkaBroker;

/**
 * The broker's own ceiling on this machine: Kafka's producer performance tool writing 3 KB records with
 * acks=all to a 6-partition topic on the same kind of local broker the pipeline uses.
 */
final class BrokerCeiling {

    static final int RECORD_BYTES = 3 * 1024;
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

    record Result(long records, double perSecond, double megabytesPerSecond) {
    }

    static Result run(Path work, int records) throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka-ceiling"), LocalKafkaBroker.freePort(),
                LocalKafkaBroker.freePort())) {
            broker.createTopics(List.of(new Topics.TopicSpec("bench.ceiling", 6)));
            String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBinary, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    "org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.ceiling", "--num-records",
                    String.valueOf(records), "--record-size", String.valueOf(RECORD_BYTES), "--throughput", "-1",
                    "--producer-props", "bootstrap.servers=" + broker.bootstrapServers(), "acks=all", "enable.idempotence=true")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("producer performance tool failed:\n" + out);
            }
            Matcher last = null;
            Matcher m = SUMMARY.matcher(out);
            while (m.find()) {
                last = SUMMARY.matcher(m.group());
                last.matches();
            }
            if (last == null) {
                throw new IllegalStateException("no summary in the tool's output:\n" + out);
            }
            return new Result(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)));
        }
    }

    private BrokerCeiling() {
    }
}
