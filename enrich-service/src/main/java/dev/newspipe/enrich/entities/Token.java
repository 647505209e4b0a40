package dev.newspipe.enrich.entities;

/**
 * A token as a half-open range [start, end) of the text it came from, with its lookup key
 * (see {@link TextKeys#tokenKey}).
 */
record Token(int start, int end, String text, String key) {

    /** Upper case first, or an Arabic name after its article ("al-Assad", "el-Sisi"), which news writes in lower case. */
    boolean isCapitalized() {
        char first = text.charAt(0);
        return Character.isUpperCase(first) || (first == 'a' || first == 'e') && hasArticlePrefix();
    }

    private boolean hasArticlePrefix() {
        int hyphen = text.indexOf('-');
        if (hyphen < 2 || hyphen > 3 || hyphen + 1 >= text.length() || !Character.isUpperCase(text.charAt(hyphen + 1))) {
            return false;
        }
        String article = text.substring(0, hyphen);
        return article.equals("al") || article.equals("el") || article.equals("an") || article.equals("ar")
                || article.equals("as") || article.equals("ash") || article.equals("at") || article.equals("az")
                || article.equals("ad");
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
