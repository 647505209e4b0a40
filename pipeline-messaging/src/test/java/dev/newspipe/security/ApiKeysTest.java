package dev.newspipe.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newspipe.security.ApiKeys.Verdict;

/** The key check alone: no key configured, missing, wrong and right keys in both headers, several keys. */
class ApiKeysTest {

    @Test
    void withoutKeysEveryRequestIsAllowed() {
        for (ApiKeys none : List.of(ApiKeys.parse(null), ApiKeys.parse(""), ApiKeys.parse(" , ,"), ApiKeys.of(List.of()))) {
            assertEquals("ApiKeys[0 configured]", none.toString());
            assertEquals(Verdict.ALLOWED, none.check(null, null));
            assertEquals(Verdict.ALLOWED, none.check("anything", "Bearer anything"));
        }
    }

    @Test
    void aMissingKeyIsRefused() {
        ApiKeys keys = ApiKeys.parse("k-one");
        assertEquals(Verdict.MISSING, keys.check(null, null));
        assertEquals(Verdict.MISSING, keys.check("  ", ""));
        assertEquals(Verdict.MISSING, keys.check(null, "Bearer "));
        assertEquals(Verdict.MISSING, keys.check(null, "Basic azpvbmU="), "only the Bearer scheme carries a key");
        assertEquals(Verdict.MISSING, keys.check(null, "Bearerk-one"), "no scheme");
    }

    @Test
    void aWrongKeyIsRefused() {
        ApiKeys keys = ApiKeys.parse("k-one");
        assertEquals(Verdict.WRONG, keys.check("k-two", null));
        assertEquals(Verdict.WRONG, keys.check(null, "Bearer k-two"));
        assertEquals(Verdict.WRONG, keys.check("k-on", null), "a prefix of the key");
        assertEquals(Verdict.WRONG, keys.check("k-one-", null), "the key and more");
        assertEquals(Verdict.WRONG, keys.check("K-ONE", null), "keys are case-sensitive");
    }

    @Test
    void theRightKeyIsAllowedInEitherHeader() {
        ApiKeys keys = ApiKeys.parse("k-one");
        assertEquals(Verdict.ALLOWED, keys.check("k-one", null));
        assertEquals(Verdict.ALLOWED, keys.check(null, "Bearer k-one"));
        assertEquals(Verdict.ALLOWED, keys.check(null, "bearer   k-one "), "the scheme is case-insensitive");
        assertEquals(Verdict.ALLOWED, keys.check("wrong", "Bearer k-one"), "one right key is enough");
        assertEquals(Verdict.ALLOWED, keys.check("k-one", "Bearer wrong"));
    }

    @Test
    void everyConfiguredKeyIsAcceptedAndBlankEntriesAreIgnored() {
        ApiKeys keys = ApiKeys.parse(" k-one ,, k-two,  ,k-three");
        for (String key : List.of("k-one", "k-two", "k-three")) {
            assertEquals(Verdict.ALLOWED, keys.check(key, null), key);
            assertEquals(Verdict.ALLOWED, keys.check(null, "Bearer " + key), key);
        }
        assertEquals(Verdict.WRONG, keys.check("k-four", null));
        assertEquals(Verdict.WRONG, keys.check("", "Bearer k-one,k-two"));
        assertEquals(keys.toString(), ApiKeys.of(Arrays.asList("k-one", null, "", " k-two ", "k-three")).toString());
        assertEquals(Verdict.ALLOWED, ApiKeys.of(Arrays.asList(null, " k-two ")).check("k-two", null));
    }

    @Test
    void keysAreComparedAsUtf8() {
        ApiKeys keys = ApiKeys.parse("schlüssel-ß");
        assertEquals(Verdict.ALLOWED, keys.check("schlüssel-ß", null));
        assertEquals(Verdict.WRONG, keys.check("schlussel-ss", null));
    }

    @Test
    void toStringNeverShowsAKey() {
        String text = ApiKeys.parse("secret-one,secret-two").toString();
        assertFalse(text.contains("secret"), text);
        assertEquals("ApiKeys[2 configured]", text);
    }
}
