package dev.newspipe.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real tools the checks run: Debian's promtool (package prometheus), kubectl (kubernetes-client) and
 * docker-compose. A missing tool fails
 * the test with one line naming the package; nothing is skipped. .ci/run installs them.
 */
final class Tools {

    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path promtool() {
        return onPath("promtool").orElseGet(() -> fail(
                "promtool not found on the PATH: install the Debian package prometheus (apt-get install prometheus)"));
    }

    static Path prometheus() {
        return onPath("prometheus").orElseGet(() -> fail(
                "prometheus not found on the PATH: install the Debian package prometheus (apt-get install prometheus)"));
    }

    static Path dockerCompose() {
        return onPath("docker-compose").orElseGet(() -> fail(
                "docker-compose not found on the PATH: install the Debian package docker-compose (apt-get install docker-compose)"));
    }

    /** Runs a command with extra environment variables (null removes one). */
    static Result run(Path workingDir, List<String> command, java.util.Map<String, String> env) {
        try {
            Path log = Files.createTempFile("deploy-checks", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workingDir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                env.forEach((k, v) -> {
                    if (v == null) {
                        pb.environment().remove(k);
                    } else {
                        pb.environment().put(k, v);
                    }
                });
                Process p = pb.start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 60 s");
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * How to render a kustomization: kubectl kustomize, or a standalone kustomize build. Debian's package
     * for kubectl is kubernetes-client.
     */
    static List<String> kustomize(Path dir) {
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            return List.of(kubectl.get().toString(), "kustomize", dir.toString());
        }
        Optional<Path> kustomize = onPath("kustomize");
        if (kustomize.isPresent()) {
            return List.of(kustomize.get().toString(), "build", dir.toString());
        }
        return fail("kubectl not found on the PATH: install the Debian package kubernetes-client (apt-get install kubernetes-client)");
    }

    /** Runs a command in a directory, with its output (stdout and stderr together), for at most a minute. */
    static Result run(Path workingDir, List<String> command) {
        return run(workingDir, command, java.util.Map.of());
    }

    /** Runs a command with stdout alone captured (stderr to its own string), for YAML output. */
    static Result runForStdout(Path workingDir, List<String> command, StringBuilder stderr) {
        try {
            Path out = Files.createTempFile("deploy-checks", ".out");
            Path err = Files.createTempFile("deploy-checks", ".err");
            try {
                Process p = new ProcessBuilder(new ArrayList<>(command)).directory(workingDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 60 s");
                }
                stderr.append(Files.readString(err, StandardCharsets.UTF_8));
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
