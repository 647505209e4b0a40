package dev.newspipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

    /** What content hashes have always been: stored articles' hashes must not change with the code. */
    static String referenceContentHash(String headline, String body) {
        return ArticleIdentity.hash(headline.toLowerCase(Locale.ROOT) + "\n" + body.toLowerCase(Locale.ROOT));
    }

    @Test
    void contentHashIsTheHashOfTheLowerCasedTextWhateverItsScript() {
        String longAscii = "Harbour Board Votes To Reopen The North Quay. ".repeat(200);   // crosses many 2 KB chunks
        List<String> texts = List.of("", "A", "Ferry Service RESUMES", longAscii, longAscii + "Z",
                "İstanbul Ferries Resume",                      // dotted capital I lower-cases to two characters
                "ΟΔΟΣ ΚΛΕΙΣΤΗ ΣΤΗΝ ΑΘΗΝΑ",                      // final sigma depends on the next character
                "Straße Gesperrt, ÄRGER IN MÜNCHEN",
                "Emoji \uD83D\uDE80 Launch AND \uD800 A Lone Surrogate",
                longAscii + "Ünter");                            // non-ASCII only at the very end
        for (String headline : texts) {
            for (String body : texts) {
                assertEquals(referenceContentHash(headline, body), ArticleIdentity.contentHash(headline, body),
                        () -> "headline '" + headline + "', body '" + body + "'");
            }
        }
    }
}
