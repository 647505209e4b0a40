package dev.newspipe.enrich.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.newspipe.testsupport.SharedData;

/**
 * The seed pages of shared/samples/seeds as headline and body: the first line is the headline, the rest
 * the body. Page 004 holds two stories; {@link #split(Seed, String)} cuts it where the second begins.
 */
public final class SeedArticles {

    public static final String SECOND_STORY_OF_004 = "Over 1,400 Indonesians left Cambodian scam groups";

    public record Seed(String headline, String body) {
    }

    /** The seed whose file name starts with {@code prefix} ("000"), if shared/ is there. */
    public static Optional<Seed> load(String prefix) {
        Optional<Path> dir = SharedData.find("samples/seeds");
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
            if (matching.isEmpty()) {
                return Optional.empty();
            }
            String text = Files.readString(matching.get(0), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return Optional.of(new Seed(text.substring(0, newline).strip(), text.substring(newline + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two stories of a page: everything before the line that starts the second, and that line's story. */
    public static Seed[] split(Seed page, String secondHeadline) {
        int at = page.body().indexOf(secondHeadline);
        if (at < 0) {
            throw new IllegalArgumentException("no second story starting with " + secondHeadline);
        }
        String rest = page.body().substring(at);
        int newline = rest.indexOf('\n');
        return new Seed[] {new Seed(page.headline(), page.body().substring(0, at)),
                new Seed(rest.substring(0, newline).strip(), rest.substring(newline + 1))};
    }

    private SeedArticles() {
    }
}
