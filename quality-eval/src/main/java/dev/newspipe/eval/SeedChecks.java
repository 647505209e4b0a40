package dev.newspipe.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleIngested;

/**
 * What every engine must get right on the seed pages: the drone storyline's topics, the scam story's
 * topic, and the people, places and organisations the storyline turns on. A topic check accepts the
 * code or any narrower one; a name check passes when, in every seed story whose body contains the name,
 * some occurrence of it is covered by a mention of an entity of the required type (for places, with a
 * Wikidata QID as id).
 */
final class SeedChecks {

    record Result(String check, boolean passed, String detail) {
    }

    /** Stories by "file prefix#story": 000, 001 and the first story of 004 are the drone storyline. */
    static final List<String> DRONE_STORIES = List.of("000#1", "001#1", "004#1");
    static final String SCAM_STORY = "004#2";

    static final List<String> PEOPLE = List.of("Antony Blinken", "Vedant Patel", "Jake Sullivan", "Volodymyr Zelensky",
            "Hossein Amir-Abdollahian");
    static final List<String> PLACES = List.of("Iran", "Russia", "Ukraine", "Kyiv", "Tehran", "Cambodia", "Indonesia",
            "Phnom Penh");
    static final List<String> ORGANIZATIONS = List.of("UN Security Council", "State Department", "White House");

    private record Story(String key, ArticleIngested article, ArticleEnriched enriched) {
    }

    private final SourceDocuments sources;
    private final Function<ArticleIngested, ArticleEnriched> engine;

    SeedChecks(SourceDocuments sources, Function<ArticleIngested, ArticleEnriched> engine) {
        this.sources = sources;
        this.engine = engine;
    }

    List<Result> run(Path seedDir) {
        Map<String, Story> stories = stories(seedDir);
        List<Result> results = new ArrayList<>();
        for (String key : DRONE_STORIES) {
            Story story = stories.get(key);
            results.add(topicCheck("drone story " + key + " has medtop:16000000 (conflicts, war and peace)", story,
                    "medtop:16000000"));
            results.add(topicCheck("drone story " + key + " has medtop:11000000 (politics) or narrower", story,
                    "medtop:11000000"));
        }
        results.add(topicCheck("scam story " + SCAM_STORY + " has medtop:02000000 (crime, law and justice) or narrower",
                stories.get(SCAM_STORY), "medtop:02000000"));
        for (String person : PEOPLE) {
            results.add(nameCheck(person, "PERSON", false, stories.values()));
        }
        for (String place : PLACES) {
            results.add(nameCheck(place, "LOCATION", true, stories.values()));
        }
        for (String organization : ORGANIZATIONS) {
            results.add(nameCheck(organization, "ORGANIZATION", false, stories.values()));
        }
        return results;
    }

    private Map<String, Story> stories(Path seedDir) {
        Map<String, Story> stories = new LinkedHashMap<>();
        try (Stream<Path> pages = Files.list(seedDir)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String prefix = page.getFileName().toString().split("_", 2)[0];
                List<ArticleIngested> articles = sources.pageStories(page);
                for (int i = 0; i < articles.size(); i++) {
                    stories.put(prefix + "#" + (i + 1),
                            new Story(prefix + "#" + (i + 1), articles.get(i), engine.apply(articles.get(i))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stories;
    }

    private static Result topicCheck(String check, Story story, String code) {
        if (story == null) {
            return new Result(check, false, "story not found in the seed pages");
        }
        boolean passed = TopicScoring.hasTopicUnder(story.enriched(), code);
        return new Result(check, passed, passed ? "" : "topics: " + TopicScoring.topics(story.enriched()).stream()
                .map(t -> t.code()).toList());
    }

    private static Result nameCheck(String name, String type, boolean needsQid, Iterable<Story> stories) {
        String check = name + " is " + type + (needsQid ? " with a QID" : "");
        List<String> seen = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Story story : stories) {
            List<Integer> occurrences = GoldMentions.occurrences(story.article().body(), name);
            if (occurrences.isEmpty()) {
                continue;
            }
            seen.add(story.key());
            if (!covered(story.enriched(), occurrences, name.length(), type, needsQid)) {
                missed.add(story.key() + " (" + found(story.enriched(), occurrences.get(0), name.length()) + ")");
            }
        }
        if (seen.isEmpty()) {
            return new Result(check, false, "the name occurs in no seed story");
        }
        return new Result(check, missed.isEmpty(), missed.isEmpty() ? "" : "missed in " + String.join(", ", missed));
    }

    private static boolean covered(ArticleEnriched enriched, List<Integer> occurrences, int length, String type,
            boolean needsQid) {
        for (Entity entity : EntityScoring.entities(enriched)) {
            if (!entity.type().name().equals(type) || needsQid && !EntityIds.isQid(entity.id())) {
                continue;
            }
            for (Mention mention : entity.mentions() == null ? List.<Mention>of() : entity.mentions()) {
                for (int start : occurrences) {
                    if (mention.start() < start + length && start < mention.end()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What the engine made of the first occurrence, for the failure message. */
    private static String found(ArticleEnriched enriched, int start, int length) {
        for (Entity entity : EntityScoring.entities(enriched)) {
            for (Mention mention : entity.mentions() == null ? List.<Mention>of() : entity.mentions()) {
                if (mention.start() < start + length && start < mention.end()) {
                    return "got " + entity.type() + " " + entity.id();
                }
            }
        }
        return "not recognised";
    }
}
