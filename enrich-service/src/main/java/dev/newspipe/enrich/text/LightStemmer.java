package dev.newspipe.enrich.text;

/**
 * A light English suffix stripper for matching, not a linguistic stem: plural and verb endings go
 * ("elections" and "election", "attacked"/"attacking"/"attacks" and "attack"). A final "e" goes from
 * longer words so that "trade", "traded" and "trading" meet, and comes back on a short
 * consonant-vowel-consonant remainder so that "fired" meets "fire" while "wine" stays apart from "win".
 * Cue phrases go through the same function, so only consistency matters. Lower-case input.
 */
public final class LightStemmer {

    public static String stem(String word) {
        int n = word.length();
        if (n <= 3 || !Character.isLetter(word.charAt(n - 1))) {
            return word;
        }
        String w = word;
        if (w.endsWith("ies") && n > 4) {
            w = w.substring(0, n - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, n - 2);
        } else if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("zzes")) {
            w = w.substring(0, n - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && n > 3) {
            w = w.substring(0, n - 1);
        } else if (w.endsWith("ied") && n > 4) {
            w = w.substring(0, n - 3) + "y";
        } else if (w.endsWith("ing") && n > 5 && hasVowel(w, n - 3)) {
            return verbStem(w.substring(0, n - 3));
        } else if (w.endsWith("ed") && n > 4 && hasVowel(w, n - 2)) {
            return verbStem(w.substring(0, n - 2));
        }
        int m = w.length();
        if (m > 4 && w.charAt(m - 1) == 'e' && w.charAt(m - 2) != 'e') {
            w = w.substring(0, m - 1);
        }
        return w;
    }

    /** After -ed/-ing: "stopp" to "stop", "fir" to "fire" (short CVC lost its e), else as it is. */
    private static String verbStem(String w) {
        String undoubled = undouble(w);
        if (undoubled.length() != w.length()) {
            return undoubled;
        }
        if (w.length() == 3 && !isVowel(w.charAt(0)) && isVowel(w.charAt(1)) && !isVowel(w.charAt(2))
                && w.charAt(2) != 'w' && w.charAt(2) != 'x' && w.charAt(2) != 'y') {
            return w + "e";
        }
        return w;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean hasVowel(String w, int end) {
        for (int i = 0; i < end; i++) {
            char c = w.charAt(i);
            if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y') {
                return true;
            }
        }
        return false;
    }

    /** "stopp" to "stop", "shipp" to "ship"; "fall" and "pass" keep their double letter. */
    private static String undouble(String w) {
        int m = w.length();
        if (m > 3 && w.charAt(m - 1) == w.charAt(m - 2)) {
            char c = w.charAt(m - 1);
            if (c != 'l' && c != 's' && c != 'z' && c != 'e' && c != 'o' && Character.isLetter(c)) {
                return w.substring(0, m - 1);
            }
        }
        return w;
    }

    private LightStemmer() {
    }
}
