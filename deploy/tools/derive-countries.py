#!/usr/bin/env python3
"""Derives enrich-service's country knowledge base from mledoze/countries (ODbL 1.0).

Usage: deploy/tools/derive-countries.py [countries.json] > enrich-service/src/main/resources/kb/countries.tsv

Only the facts the entity recognizer needs are taken: common and official names, Latin-script
alternative spellings, English demonyms, capitals, ISO 3166 codes and a few translated names (matched
in non-English text only). Wikidata QIDs and the extra English aliases below are this project's own
additions; a QID is listed only where we are sure of it, otherwise the recognizer falls back to a slug.
The output is a derived database of an ODbL source and is therefore ODbL 1.0 as well.
"""
import json
import re
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/countries/countries.json"

# ISO alpha-2 -> Wikidata QID of the country.
COUNTRY_QIDS = {
    "US": "Q30", "GB": "Q145", "FR": "Q142", "DE": "Q183", "IT": "Q38", "ES": "Q29", "RU": "Q159",
    "CN": "Q148", "JP": "Q17", "IN": "Q668", "IR": "Q794", "IQ": "Q796", "IL": "Q801", "UA": "Q212",
    "CA": "Q16", "AU": "Q408", "BR": "Q155", "MX": "Q96", "ID": "Q252", "KH": "Q424", "KR": "Q884",
    "KP": "Q423", "PK": "Q843", "AF": "Q889", "SY": "Q858", "TR": "Q43", "SA": "Q851", "EG": "Q79",
    "NL": "Q55", "BE": "Q31", "SE": "Q34", "NO": "Q20", "DK": "Q35", "FI": "Q33", "PL": "Q36",
    "CH": "Q39", "AT": "Q40", "GR": "Q41", "PT": "Q45", "IE": "Q27", "AR": "Q414", "CL": "Q298",
    "CO": "Q739", "VE": "Q717", "CU": "Q241", "ZA": "Q258", "NG": "Q1033", "KE": "Q114", "ET": "Q115",
    "TH": "Q869", "VN": "Q881", "PH": "Q928", "MY": "Q833", "SG": "Q334", "TW": "Q865", "NZ": "Q664",
    "BY": "Q184", "KZ": "Q232", "GE": "Q230", "AM": "Q399", "AZ": "Q227", "LB": "Q822", "JO": "Q810",
    "QA": "Q846", "AE": "Q878", "YE": "Q805", "LY": "Q1016", "SD": "Q1049", "MA": "Q1028", "DZ": "Q262",
    "TN": "Q948", "HU": "Q28", "CZ": "Q213", "RO": "Q218", "BG": "Q219", "RS": "Q403", "HR": "Q224",
    "SK": "Q214", "SI": "Q215", "BA": "Q225", "LT": "Q37", "LV": "Q211", "EE": "Q191", "MD": "Q217",
    "IS": "Q189", "LU": "Q32", "BD": "Q902", "LK": "Q854", "NP": "Q837", "MM": "Q836", "LA": "Q819",
    "MN": "Q711", "PE": "Q419", "EC": "Q736", "BO": "Q750", "UY": "Q77", "PY": "Q733", "KW": "Q817",
    "BH": "Q398", "OM": "Q842", "PS": "Q219060", "CY": "Q229", "MT": "Q233", "AL": "Q222", "MK": "Q221",
    "ME": "Q236", "XK": "Q1246", "GH": "Q117", "SN": "Q1041", "ML": "Q912", "NE": "Q1032", "TD": "Q657",
    "SO": "Q1045", "UG": "Q1036", "TZ": "Q924", "RW": "Q1037", "CD": "Q974", "AO": "Q916", "ZW": "Q954",
    "ZM": "Q953", "MZ": "Q1029", "CM": "Q1009", "CI": "Q1008", "HT": "Q790", "JM": "Q766", "DO": "Q786",
    "PA": "Q804", "CR": "Q800", "NI": "Q811", "HN": "Q783", "GT": "Q774", "SV": "Q792", "UZ": "Q265",
    "TM": "Q874", "KG": "Q813", "TJ": "Q863", "VA": "Q237", "MC": "Q235", "ER": "Q986", "SS": "Q958",
    "BF": "Q965", "MG": "Q1019", "BW": "Q963", "NA": "Q1030", "MR": "Q1025", "BJ": "Q962", "TG": "Q945",
    "GN": "Q1006", "SL": "Q1044", "LR": "Q1014", "GA": "Q1000", "BN": "Q921", "TL": "Q574",
    "PG": "Q691", "FJ": "Q712", "BT": "Q917", "MV": "Q826", "GL": "Q223",
}

# Capital name as spelled in the source -> Wikidata QID.
CAPITAL_QIDS = {
    "Washington D.C.": "Q61", "London": "Q84", "Paris": "Q90", "Berlin": "Q64", "Rome": "Q220",
    "Madrid": "Q2807", "Moscow": "Q649", "Beijing": "Q956", "Tokyo": "Q1490", "New Delhi": "Q987",
    "Tehran": "Q3616", "Baghdad": "Q1530", "Jerusalem": "Q1218", "Kyiv": "Q1899", "Ottawa": "Q1930",
    "Canberra": "Q3114", "Brasília": "Q2844", "Mexico City": "Q1489", "Jakarta": "Q3630",
    "Phnom Penh": "Q1850", "Seoul": "Q8684", "Pyongyang": "Q18808", "Islamabad": "Q1362", "Kabul": "Q5838",
    "Damascus": "Q3766", "Ankara": "Q3640", "Riyadh": "Q3692", "Cairo": "Q85", "Amsterdam": "Q727",
    "Brussels": "Q239", "Stockholm": "Q1754", "Oslo": "Q585", "Copenhagen": "Q1748", "Helsinki": "Q1757",
    "Warsaw": "Q270", "Bern": "Q70", "Vienna": "Q1741", "Athens": "Q1524", "Lisbon": "Q597", "Dublin": "Q1761",
    "Buenos Aires": "Q1486", "Bogotá": "Q2841", "Caracas": "Q1533", "Havana": "Q1563", "Nairobi": "Q3870",
    "Bangkok": "Q1861", "Hanoi": "Q1858", "Manila": "Q1461", "Kuala Lumpur": "Q1865", "Taipei": "Q1867",
    "Minsk": "Q2280", "Tbilisi": "Q994", "Yerevan": "Q1953", "Beirut": "Q3820", "Amman": "Q3805",
    "Doha": "Q3861", "Abu Dhabi": "Q1519", "Khartoum": "Q1963", "Budapest": "Q1781", "Prague": "Q1085",
    "Sofia": "Q472", "Belgrade": "Q3711", "Zagreb": "Q1435", "Bratislava": "Q1780", "Ljubljana": "Q437",
    "Vilnius": "Q216", "Riga": "Q1773", "Tallinn": "Q1770", "Reykjavik": "Q1764", "Dhaka": "Q1354",
    "Kathmandu": "Q3037", "Lima": "Q2868", "Addis Ababa": "Q3624", "Pretoria": "Q3926", "Abuja": "Q3787",
    "Santiago": "Q2887", "Tripoli": "Q3579", "Kinshasa": "Q3838", "Mogadishu": "Q2449", "Tashkent": "Q269",
    "Baku": "Q9248", "Bucharest": "Q19660", "Singapore": "Q334",
}

# English forms news uses that the source lacks (all ISO alpha-2 codes are dropped from the source's
# alternative spellings because most are ordinary words or initials; the useful ones come back here).
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States"],
    "GB": ["Britain", "U.K.", "UK"],
    "RU": ["Russian Federation"],
    "TR": ["Turkey"],
    "CZ": ["Czech Republic"],
    "NL": ["Holland"],
    "KR": ["S. Korea"],
    "KP": ["N. Korea"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["Congo-Kinshasa"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "VA": ["Holy See"],
    "BA": ["Bosnia"],
    "TT": ["Trinidad"],
    "KZ": ["Kazakstan"],
    "SR": ["Surinam"],
    "FO": ["Faroes", "Faeroes"],
    "CD": ["Zaire"],
    "BY": ["Byelorussia"],
}
EXTRA_CAPITAL_ALIASES = {
    "Kyiv": ["Kiev"], "Washington D.C.": ["Washington, D.C.", "Washington DC", "Washington"],
    "Beijing": ["Peking"], "Reykjavik": ["Reykjavík"], "Bogotá": ["Bogota"], "Brasília": ["Brasilia"],
}
EXTRA_DEMONYMS = {
    "GB": ["Briton", "Britons"], "PL": ["Pole", "Poles"], "RS": ["Serb", "Serbs"], "HR": ["Croat", "Croats"],
    "BA": ["Bosnian", "Bosnians"], "TJ": ["Tajik", "Tajiks"], "UZ": ["Uzbek", "Uzbeks"], "KZ": ["Kazakh", "Kazakhs"],
    "TM": ["Turkmen"], "KG": ["Kyrgyz"], "AF": ["Afghan", "Afghans"], "SA": ["Saudi", "Saudis"], "DK": ["Dane", "Danes"],
    "SE": ["Swede", "Swedes"], "FI": ["Finn", "Finns"], "TR": ["Turk", "Turks"], "ES": ["Spaniard", "Spaniards"],
    "NZ": ["New Zealander", "New Zealanders", "Kiwi", "Kiwis"], "PH": ["Filipino", "Filipinos", "Filipina"],
    "TH": ["Thai", "Thais"], "LA": ["Lao"], "AZ": ["Azeri", "Azeris"], "KR": ["South Korean", "South Koreans"],
    "KP": ["North Korean", "North Koreans"], "IQ": ["Iraqis"], "IL": ["Israelis"], "PK": ["Pakistanis"],
    "YE": ["Yemenis"], "SO": ["Somalis"], "BD": ["Bangladeshis"], "KW": ["Kuwaitis"], "QA": ["Qataris"],
    "AE": ["Emirati", "Emiratis"], "OM": ["Omanis"], "NL": ["Dutchman", "Dutchmen"], "FR": ["Frenchman", "Frenchmen"],
}

# Translations matched only in non-English text (German, French, Spanish, Italian, Dutch, Swedish, Portuguese).
FOREIGN_LANGS = ["deu", "fra", "spa", "ita", "nld", "swe", "por"]
NOT_ALIASES = {"Dominique"}
NOT_CAPITAL_NAMES = {"Victoria", "Kingston", "Hamilton", "Douglas", "Stanley", "Castries"}  # alternative spellings that are mostly something else (a given name)
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'’-]+$")


def clean(values, drop):
    out = []
    for value in values:
        value = value.strip()
        if not value or value in drop or value in out or value in NOT_ALIASES:
            continue
        if "," in value or "(" in value or not LATIN.match(value) or len(value) <= 2:
            continue
        out.append(value)
    return out


def plural(demonym):
    # "Iraqi" -> "Iraqis", "Iranian" -> "Iranians"; "Chinese", "Swiss", "Irish", "Dutch" have no plural form.
    if demonym.endswith(("ese", "ish", "ch", "sh", "ss")):
        return None
    return demonym + "s"


def main():
    with open(SOURCE, encoding="utf-8") as f:
        countries = json.load(f)
    print("# Countries and their capitals, derived by deploy/tools/derive-countries.py from mledoze/countries")
    print("# (https://github.com/mledoze/countries), licensed under the Open Database License (ODbL) 1.0.")
    print("# This derived database is likewise made available under ODbL 1.0; Wikidata QIDs and extra aliases")
    print("# are this project's additions. Do not edit by hand: change the script and regenerate.")
    print("# Columns: qid | type | name | aliases (|) | demonyms (|) | non-English names (|) | note")
    rows = []
    for c in sorted(countries, key=lambda c: c["name"]["common"]):
        code = c["cca2"]
        name = c["name"]["common"]
        aliases = clean([c["name"]["official"]] + c.get("altSpellings", []), {name})
        for extra in EXTRA_ALIASES.get(code, []):
            if extra != name and extra not in aliases:
                aliases.append(extra)
        demonyms = []
        eng = c.get("demonyms", {}).get("eng", {})
        for form in (eng.get("m"), eng.get("f")):
            if form and form not in demonyms and LATIN.match(form):
                demonyms.append(form)
                p = plural(form)
                if p and p not in demonyms:
                    demonyms.append(p)
        for extra in EXTRA_DEMONYMS.get(code, []):
            if extra not in demonyms:
                demonyms.append(extra)
        foreign = []
        for lang in FOREIGN_LANGS:
            t = c.get("translations", {}).get(lang, {}).get("common")
            if t and t != name and t not in aliases and t not in foreign and LATIN.match(t):
                foreign.append(t)
        note = "country iso=%s/%s" % (code, c["cca3"])
        rows.append((COUNTRY_QIDS.get(code, ""), "LOCATION", name, aliases, demonyms, foreign, note))
        for capital in c.get("capital", []):
            # Capitals of dependencies are mostly tiny towns whose names are also common names
            # ("Douglas", "Hamilton", "Stanley"): only sovereign states' capitals are taken.
            if capital == name or not c.get("independent") or capital in NOT_CAPITAL_NAMES:
                continue
            rows.append((CAPITAL_QIDS.get(capital, ""), "LOCATION", capital, EXTRA_CAPITAL_ALIASES.get(capital, []),
                         [], [], "capital of %s" % code))
    for qid, typ, name, aliases, demonyms, foreign, note in rows:
        print("\t".join([qid, typ, name, "|".join(aliases), "|".join(demonyms), "|".join(foreign), note]))


if __name__ == "__main__":
    main()
