package dev.newspipe.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared reference material beside the project ({@code ../shared}: real seed pages, ninjs items,
 * evaluation sets). Tests read it at run time and never copy it; the project builds without it.
 * {@code NEWS_SHARED_DIR} points elsewhere.
 */
public final class SharedData {

    /** {@code shared/<relative>} if it exists: from NEWS_SHARED_DIR, else from a folder above the working directory. */
    public static Optional<Path> find(String relative) {
        String configured = System.getenv("NEWS_SHARED_DIR");
        if (configured != null && !configured.isBlank()) {
            Path candidate = Path.of(configured).resolve(relative);
            return Files.exists(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private SharedData() {
    }
}
