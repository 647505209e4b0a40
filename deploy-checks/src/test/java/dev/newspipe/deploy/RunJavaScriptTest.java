package dev.newspipe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/docker/run-java.sh, the images' entry point, run with a stand-in for java that prints its
 * arguments: each service starts with exactly its line of deploy/jvm-options, then JAVA_OPTS_APPEND.
 */
class RunJavaScriptTest {

    @TempDir
    Path tmp;

    private List<String> run(String service, String append) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("sh", Repo.file("deploy/docker/run-java.sh").toString(), "--extra")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("SERVICE", service);
        pb.environment().put("NEWSPIPE_JVM_OPTIONS", Repo.file("deploy/jvm-options").toString());
        pb.environment().put("NEWSPIPE_APP_DIR", "/app");
        if (append != null) {
            pb.environment().put("JAVA_OPTS_APPEND", append);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        if (p.exitValue() != 0) {
            return List.of("exit " + p.exitValue(), String.join(" ", lines));
        }
        return lines;
    }

    @Test
    void everyServiceStartsWithItsJvmOptions() throws Exception {
        for (Repo.Stage stage : Repo.STAGES) {
            List<String> expected = new ArrayList<>(Repo.jvmOptions(stage.service()));
            expected.addAll(List.of("-jar", "/app/quarkus-run.jar", "--extra"));
            assertEquals(expected, run(stage.service(), null), stage.service());
        }
    }

    @Test
    void appendedOptionsComeLast() throws Exception {
        List<String> args = run("enrich-service", "-Xmx512m -Dx=y");
        assertEquals(List.of("-Xmx512m", "-Dx=y", "-jar"), args.subList(args.size() - 5, args.size() - 2));
    }

    @Test
    void anUnknownServiceIsRefused() throws Exception {
        List<String> out = run("no-such-service", null);
        assertNotEquals(0, out.size());
        assertTrue(out.get(0).startsWith("exit "), out.toString());
        assertTrue(out.get(1).contains("has no line for no-such-service"), out.toString());
    }
}
