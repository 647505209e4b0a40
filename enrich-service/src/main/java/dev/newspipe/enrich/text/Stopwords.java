package dev.newspipe.enrich.text;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Function words per language, for cutting candidate keyphrases. English is the long list (it also
 * holds the reporting verbs and calendar words that are everywhere in news and never a keyphrase);
 * the others are short lists of the most frequent function words.
 */
public final class Stopwords {

    private static final Set<String> ENGLISH = Set.of(words("""
            a about above across after afterwards again against ago all almost alone along already also although
            always am among amid amidst an and another any anyone anything anyway are around as at away back be
            became because become becomes been before began behind being below beside besides between beyond both
            but by can cannot could did do does doing done down due during each either else enough even ever
            every everyone everything few first for former formerly from further get gets getting given go goes
            going gone got had has have having he her here hers herself him himself his how however i if in inc
            including indeed instead into is it its itself just last later latter least less let lets like likely
            made make makes making many may me meanwhile might more moreover most mostly much must my myself near
            nearly neither never nevertheless new next no nobody none nor not nothing now of off often on once one
            ones only onto or other others otherwise our ours ourselves out over own per perhaps please put quite
            rather really recent recently said same say saying says see seem seemed seems several she should since
            so some somehow someone something sometimes still such take taken than that the their theirs them
            themselves then there thereby therefore these they thing things this those though three through
            throughout thus to today together told too toward towards two under unless until up upon us use used
            using very via was way we well were what whatever when whenever where whereas whether which while who
            whoever whole whom whose why will with within without would yet you your yours yourself yourselves
            according added adding also announced asked called came come comes continued did does expected find
            found gave give gives including know known let look looked looks mr mrs ms dr news told tell tells
            think thought took want wanted wants week weeks year years yesterday tomorrow tonight time times day
            days month months monday tuesday wednesday thursday friday saturday sunday january february march april
            june july august september october november december read reported reports report statement
            percent per cent around including just go said s t don doesn didn isn wasn aren weren won wouldn
            couldn shouldn can't won't don't didn't doesn't isn't wasn't it's he's she's that's there's
            """));

    private static final Map<String, Set<String>> BY_LANGUAGE = Map.of(
            "en", ENGLISH,
            "de", Set.of(words("""
                    der die das den dem des ein eine einer eines einem einen und oder aber doch nicht kein keine
                    ist sind war waren wird werden wurde wurden hat haben hatte hatten sein seine ihr ihre es er sie
                    wir ihr ich du man mit von zu zum zur im in am an auf aus bei für über unter nach vor als auch
                    noch schon nur so wie wenn dass daß sich dieser diese dieses diesem jetzt sagte sagt laut mehr
                    """)),
            "fr", Set.of(words("""
                    le la les un une des du de d l et ou mais ne pas plus est sont été être a ont avait il elle ils
                    elles on nous vous je tu se sa son ses leur leurs ce cette ces qui que quoi dont où dans en sur
                    sous avec pour par au aux comme selon a déclaré dit très aussi
                    """)),
            "es", Set.of(words("""
                    el la los las un una unos unas y o pero no es son fue ser ha han había de del al en con por para
                    que quien como su sus se lo le les este esta estos estas eso muy más también según dijo sobre
                    """)),
            "nl", Set.of(words("""
                    de het een en of maar niet is zijn was waren wordt worden werd heeft hebben had hij zij ze wij
                    ik je u van in op aan met voor door bij naar uit om over dat die dit deze als ook nog wel zei
                    """)),
            "sv", Set.of(words("""
                    och i att det som en ett på är av för med till den har de inte om så var jag han hon vi ni man
                    från eller men vid sig sin sina kan ska skulle efter under över när också enligt sade säger
                    """)),
            "no", Set.of(words("""
                    og i at det som en et på er av for med til den har de ikke om så var jeg han hun vi dere man
                    fra eller men ved seg sin sine kan skal skulle etter under over når også ifølge sier sa
                    """)),
            "da", Set.of(words("""
                    og i at det som en et på er af for med til den har de ikke om så var jeg han hun vi i man fra
                    eller men ved sig sin sine kan skal skulle efter under over når også ifølge siger sagde
                    """)));

    /** The stopwords of a language (ISO 639-1, region ignored; nb and nn as no); English when unknown. */
    public static Set<String> of(String languageCode) {
        String language = languageCode == null ? "en" : languageCode.strip().toLowerCase(Locale.ROOT);
        int dash = language.indexOf('-');
        if (dash > 0) {
            language = language.substring(0, dash);
        }
        if (language.equals("nb") || language.equals("nn")) {
            language = "no";
        }
        return BY_LANGUAGE.getOrDefault(language, ENGLISH);
    }

    private static String[] words(String block) {
        return java.util.Arrays.stream(block.strip().split("\\s+")).distinct().toArray(String[]::new);
    }

    private Stopwords() {
    }
}
