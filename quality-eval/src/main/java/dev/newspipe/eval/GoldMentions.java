package dev.newspipe.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.newspipe.eval.GoldDocument.GoldEntity;

/**
 * Resolves a gold file's mention strings to spans of the normalized body, so that gold files need no
 * offsets. Rule: the strings of all entities are tried longest first; each is matched at every
 * occurrence that is word-bounded (no letter or digit right before or after) and overlaps no span
 * already taken. Matching is case-sensitive. Limits: every occurrence of a string counts, so a string
 * that means two things in one body (a surname shared by two people, "Washington" the city and the
 * person) cannot be annotated both ways; a shorter string inside a longer mention of another entity
 * is shadowed by it.
 */
public final class GoldMentions {

    /** A resolved gold mention: entity index in the gold file, the string, its [start, end). */
    public record Resolved(int entity, String text, int start, int end) {
    }

    private record Candidate(int entity, String text) {
    }

    public static List<Resolved> resolve(String body, List<GoldEntity> entities) {
        List<Candidate> candidates = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            for (String mention : entities.get(e).mentions()) {
                if (!mention.isEmpty()) {
                    candidates.add(new Candidate(e, mention));
                }
            }
        }
        // Stable sort: among strings of equal length, file order decides.
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.text().length()).reversed());
        boolean[] taken = new boolean[body.length()];
        List<Resolved> resolved = new ArrayList<>();
        for (Candidate candidate : candidates) {
            for (int at : occurrences(body, candidate.text())) {
                int end = at + candidate.text().length();
                if (!anyTaken(taken, at, end)) {
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                    resolved.add(new Resolved(candidate.entity(), candidate.text(), at, end));
                }
            }
        }
        resolved.sort(Comparator.comparingInt(Resolved::start));
        return resolved;
    }

    /** Start offsets of the word-bounded occurrences of {@code text} in {@code body}. */
    public static List<Integer> occurrences(String body, String text) {
        List<Integer> starts = new ArrayList<>();
        if (text.isEmpty()) {
            return starts;
        }
        for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
            int end = at + text.length();
            if (!isWordChar(body, at - 1) && !isWordChar(body, end)) {
                starts.add(at);
            }
        }
        return starts;
    }

    private static boolean isWordChar(String s, int index) {
        if (index < 0 || index >= s.length()) {
            return false;
        }
        return Character.isLetterOrDigit(s.charAt(index));
    }

    private static boolean anyTaken(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private GoldMentions() {
    }
}
