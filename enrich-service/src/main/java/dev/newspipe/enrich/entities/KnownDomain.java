package dev.newspipe.enrich.entities;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The field of news a knowledge-base entity belongs to, where its entry says so: a club or an athlete plays
 * sport, a head of government or a party does politics, an armed group fights, a company or a central bank is
 * the economy (IPTC files a software maker's takeover or hiring under the economy, not under technology). The
 * topic classifier takes it as evidence ("Predators sign first-round pick" names no sport, but the Nashville
 * Predators are a team).
 */
public enum KnownDomain {
    SPORT, POLITICS, CONFLICT, BUSINESS;

    private static final Pattern ATHLETE = Pattern.compile(
            "\\b(footballer|player|driver|boxer|golfer|cyclist|athlete|sprinter|swimmer|cricketer|skier|gymnast|sport body)\\b");
    /** Offices of state; bank, fund and business roles are economy, not politics. */
    private static final Pattern OFFICE = Pattern.compile("\\b(president|prime minister|minister|chancellor|premier|"
            + "secretary|speaker|senator|leader|king|queen|governor|mayor|party|legislature|government|executive)\\b");
    private static final Pattern NOT_OFFICE = Pattern.compile("\\b(bank|fund|imf|reserve|business|company|university)\\b");

    /** The domain of an entry of the given knowledge-base file with the given note, or null. */
    static KnownDomain of(String file, String note) {
        if (file.endsWith("sports-teams.tsv")) {
            return SPORT;
        }
        String text = note == null ? "" : note.toLowerCase(Locale.ROOT);
        if (text.contains("armed group")) {
            return CONFLICT;
        }
        if (file.endsWith("organizations.tsv") && (text.equals("company") || text.equals("central bank"))) {
            // Only these two notes: an airline, a news agency or a university is named in stories of every field.
            return BUSINESS;
        }
        if (ATHLETE.matcher(text).find()) {
            return SPORT;
        }
        if ((file.endsWith("people.tsv") || file.endsWith("organizations.tsv")) && OFFICE.matcher(text).find()
                && !NOT_OFFICE.matcher(text).find()) {
            return POLITICS;
        }
        return null;
    }
}
