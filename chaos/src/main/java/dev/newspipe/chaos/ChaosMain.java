package dev.newspipe.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code deploy/local/chaos}: runs the fault-injection suite and exits non-zero on any loss, duplicate,
 * missing or wrong dead letter, unclean stop, unrecovered fault or undrained backlog.
 *
 * <p>Usage: {@code ChaosMain [--short] [--articles N] [--rate R] [--outage SECONDS] [--markdown FILE]}
 */
public final class ChaosMain {

    public static void main(String[] args) throws Exception {
        ChaosRun.Settings settings = ChaosRun.Settings.full();
        Path markdown = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--short":
                    settings = ChaosRun.Settings.brief();
                    continue;
                case "--articles":
                    settings = withArticles(settings, Integer.parseInt(require(args[i], value)));
                    break;
                case "--rate":
                    settings = withRate(settings, Double.parseDouble(require(args[i], value)));
                    break;
                case "--outage":
                    settings = withOutage(settings, Duration.ofSeconds(Long.parseLong(require(args[i], value))));
                    break;
                case "--markdown":
                    markdown = Path.of(require(args[i], value));
                    break;
                default:
                    usage("unknown argument " + args[i]);
            }
            i++;
        }
        Path root = Path.of(System.getProperty("newspipe.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("chaos/target/chaos-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ChaosRun.Report report = ChaosRun.run(settings, root, root.resolveSibling("shared"), work);
        System.out.println();
        System.out.print(report.text());
        if (markdown != null) {
            Files.writeString(markdown, "\n### " + LocalDateTime.now().withNano(0) + ", " + settings.name() + " suite\n\n"
                    + report.text(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(report.passed() ? 0 : 1);
    }

    private static ChaosRun.Settings withArticles(ChaosRun.Settings s, int articles) {
        return new ChaosRun.Settings(s.name(), articles, s.perSecond(), s.words(), s.faults(), s.drainBound(), s.seed());
    }

    private static ChaosRun.Settings withRate(ChaosRun.Settings s, double rate) {
        return new ChaosRun.Settings(s.name(), s.articles(), rate, s.words(), s.faults(), s.drainBound(), s.seed());
    }

    private static ChaosRun.Settings withOutage(ChaosRun.Settings s, Duration outage) {
        return new ChaosRun.Settings(s.name(), s.articles(), s.perSecond(), s.words(), s.faults().stream()
                .map(f -> f.kind() == Fault.Kind.DATABASE_OUTAGE ? Fault.databaseOutage(outage) : f).toList(),
                s.drainBound(), s.seed());
    }

    private static String require(String flag, String value) throws IOException {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem + "; usage: deploy/local/chaos [--short] [--articles N] [--rate R] [--outage SECONDS] [--markdown FILE]");
        System.exit(2);
    }

    private ChaosMain() {
    }
}
