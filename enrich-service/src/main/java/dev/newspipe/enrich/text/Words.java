package dev.newspipe.enrich.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Word tokens of a text with their character spans: runs of letters and digits, an inner apostrophe
 * kept ("don't"), a possessive 's dropped ("Russia's" is "russia"). Hyphens, slashes and dots split,
 * so "cease-fire" is two words and "U.S." is "u" "s"; cue phrases are tokenised the same way.
 */
public final class Words {

    private final String[] lower;
    private final int[] starts;
    private final int[] ends;
    private final int size;

    private Words(String[] lower, int[] starts, int[] ends, int size) {
        this.lower = lower;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
    }

    public static Words of(String text) {
        int capacity = Math.max(8, text.length() / 5);
        String[] lower = new String[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            while (end < len) {
                char d = text.charAt(end);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    end++;
                } else if (isApostrophe(d) && end + 1 < len && Character.isLetter(text.charAt(end + 1))) {
                    end += 2;
                } else {
                    break;
                }
            }
            int wordEnd = end;
            if (wordEnd - start > 2 && (text.charAt(wordEnd - 1) == 's' || text.charAt(wordEnd - 1) == 'S')
                    && isApostrophe(text.charAt(wordEnd - 2))) {
                wordEnd -= 2;
            }
            if (n == lower.length) {
                int grown = n * 2;
                lower = Arrays.copyOf(lower, grown);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
            }
            lower[n] = text.substring(start, wordEnd).toLowerCase(Locale.ROOT);
            starts[n] = start;
            ends[n] = wordEnd;
            n++;
            i = end;
        }
        return new Words(lower, starts, ends, n);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    public int size() {
        return size;
    }

    /** The word in lower case. */
    public String lower(int index) {
        return lower[index];
    }

    public int start(int index) {
        return starts[index];
    }

    public int end(int index) {
        return ends[index];
    }
}
