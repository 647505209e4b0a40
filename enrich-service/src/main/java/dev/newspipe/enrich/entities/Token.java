package dev.newspipe.enrich.entities;

/**
 * A token as a half-open range [start, end) of the text it came from, with its lookup key
 * (see {@link TextKeys#tokenKey}).
 */
record Token(int start, int end, String text, String key) {

    boolean isCapitalized() {
        return Character.isUpperCase(text.charAt(0));
    }

    boolean startsWithLetter() {
        return Character.isLetter(text.charAt(0));
    }

    /** A number, a score or figures ("4", "10-0-41-2", "3:30.974"). */
    boolean startsWithDigit() {
        return Character.isDigit(text.charAt(0));
    }

    /** Two or more letters, all upper case ("NATO", "U.S."). */
    boolean isAllCaps() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    boolean isWord() {
        return Character.isLetterOrDigit(text.charAt(0));
    }
}
