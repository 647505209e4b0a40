package dev.newspipe.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleEnriched.DetectedLanguage;

class LanguageIdentifierTest {

    private static LanguageIdentifier identifier;

    @BeforeAll
    static void load() {
        identifier = new LanguageIdentifier();
    }

    private static void assertLanguage(String expected, String text) {
        DetectedLanguage language = identifier.identify(text);
        assertEquals(expected, language.code(), text);
        assertTrue(language.confidence() > 0 && language.confidence() <= 1, "confidence " + language.confidence());
    }

    @Test
    void identifiesNewsLanguagesAsIso6391() {
        assertLanguage("en", "The government said on Tuesday that it would raise taxes on fuel to pay for new "
                + "hospitals, a move that opposition parties criticised as unfair to rural families.");
        assertLanguage("de", "Die Bundesregierung hat am Dienstag angekündigt, die Steuern auf Kraftstoff zu erhöhen, "
                + "um neue Krankenhäuser zu finanzieren. Die Opposition kritisierte den Schritt scharf.");
        assertLanguage("sv", "Regeringen meddelade på tisdagen att skatten på bränsle ska höjas för att finansiera "
                + "nya sjukhus. Oppositionen kritiserade beslutet och kallade det orättvist mot landsbygden.");
        assertLanguage("nb", "Regjeringen sa tirsdag at den vil øke avgiftene på drivstoff for å betale for nye "
                + "sykehus. Opposisjonen kritiserte forslaget og kalte det urettferdig for folk i distriktene.");
        assertLanguage("zh", "政府星期二表示，将提高燃油税，用于资助新建医院。反对党批评这一举措对农村家庭不公平。");
        assertLanguage("fr", "Le gouvernement a annoncé mardi qu'il augmenterait les taxes sur le carburant pour "
                + "financer de nouveaux hôpitaux, une mesure que l'opposition juge injuste.");
    }

    @Test
    void nothingToJudgeIsUndetermined() {
        assertEquals(LanguageIdentifier.UNDETERMINED, identifier.identify(""));
        assertEquals(LanguageIdentifier.UNDETERMINED, identifier.identify("  12 "));
        assertEquals(LanguageIdentifier.UNDETERMINED, identifier.identify(null));
    }

    @Test
    void mapsIso6393ToIso6391() {
        assertEquals("en", identifier.toIso1("eng"));
        assertEquals("de", identifier.toIso1("deu"));
        assertEquals("zh", identifier.toIso1("cmn"));
        assertEquals("nb", identifier.toIso1("nob"));
        assertEquals("fa", identifier.toIso1("pes"));
    }
}
