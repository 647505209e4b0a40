package dev.newspipe.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.newspipe.enrich.text.SeedArticles;
import dev.newspipe.enrich.text.SeedArticles.Seed;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.MediaTopics;
import dev.newspipe.events.TsvResource;

class TopicClassifierTest {

    static final TopicClassifier CLASSIFIER = new TopicClassifier();

    static Set<String> codes(List<MediaTopic> topics) {
        return topics.stream().map(MediaTopic::code).collect(Collectors.toSet());
    }

    static void assertWellFormed(List<MediaTopic> topics) {
        assertFalse(topics.isEmpty());
        assertEquals(1, topics.get(0).level(), "a level-1 topic comes first: " + topics);
        double firstTop = topics.get(0).score();
        for (MediaTopic t : topics) {
            assertTrue(t.score() >= 0 && t.score() <= 1, t.toString());
            var known = MediaTopics.find(t.code()).orElseThrow();
            assertEquals(known.level(), t.level());
            assertEquals(known.label().strip(), t.label());
            if (t.level() == 1) {
                assertTrue(t.score() <= firstTop, "the best level-1 topic first: " + topics);
            }
        }
    }

    @Test
    void everyCueCodeIsAMediaTopicAndEveryLevelOneTopicHasCues() {
        Set<String> cueCodes = TsvResource.rows(TopicClassifier.class, TopicClassifier.DEFAULT_CUES).stream()
                .map(cols -> cols[0]).collect(Collectors.toSet());
        cueCodes.forEach(code -> assertTrue(MediaTopics.exists(code), code));
        Set<String> covered = cueCodes.stream().map(c -> MediaTopics.withAncestors(c)).map(chain -> chain.get(chain.size() - 1).code())
                .collect(Collectors.toSet());
        for (int n = 1; n <= 17; n++) {
            String top = String.format("medtop:%02d000000", n);
            assertTrue(covered.contains(top), "no cues for " + top);
        }
    }

    @Test
    void everySecondLevelTopicHasEnglishCuesOfItsOwn() {
        // A collection sampled evenly over the taxonomy asks for religious texts and labour law as often as for football.
        Set<String> reached = TsvResource.rows(TopicClassifier.class, TopicClassifier.DEFAULT_CUES).stream()
                .filter(cols -> cols[2].strip().equals("en") && Double.parseDouble(cols[1].strip()) > 0)
                .flatMap(cols -> MediaTopics.withAncestors(cols[0].strip()).stream()).map(MediaTopics.Topic::code)
                .collect(Collectors.toSet());
        List<String> unreached = MediaTopics.all().stream().filter(t -> t.level() == 2 && !reached.contains(t.code()))
                .map(t -> t.code() + " " + t.label()).toList();
        assertEquals(List.of(), unreached);
    }

    @Test
    void fieldsThatHadNoCueOfTheirOwnAreFound() {
        assertTop("medtop:12000000", "Scholars publish new translation of the Torah",
                "The edition sets the scripture beside rabbinic commentary from the Talmud.");
        assertTop("medtop:09000000", "Parliament tightens labour law on working hours",
                "The new employment law caps overtime and adds workplace safety inspections.");
        assertTop("medtop:07000000", "Farmers cull herds as foot and mouth spreads",
                "Vets confirmed the animal disease on three more farms this week.");
        assertTop("medtop:13000000", "Mathematician solves century-old theorem",
                "The proof settles a question about prime numbers that stumped mathematicians for decades.");
        assertTop("medtop:16000000", "Demining teams clear fields years after the war",
                "Unexploded ordnance and landmines still kill farmers in the former front-line villages.");
        assertTop("medtop:16000000", "Officers announce they have seized power",
                "A colonel read a statement saying the government was dissolved and the borders closed until further notice.");
        assertTop("medtop:08000000", "Village gathers at the war memorial",
                "Hundreds attended the remembrance service on Sunday, when the names were read out for the hundredth time.");
        assertTop("medtop:14000000", "Workers freed from forced labour on farms",
                "Police said the 31 men had been made to work without pay and kept in locked sheds; the case is being treated"
                        + " as modern slavery.");
        assertTop("medtop:10000000", "Model railway club opens its layout to the public",
                "Hobbyists spent eleven years building the miniature town, its station and two hundred metres of track.");
        assertTop("medtop:09000000", "Hauliers hit by staff shortages",
                "Employers say they cannot find enough drivers, and some have raised starting pay to fill the gaps.");
    }

    @Test
    void wordsOfTheRarerFieldsOfPoliticsAndSocietyAreFound() {
        assertTop("medtop:11000000", "Non-profit that runs rural clinics cuts 200 jobs",
                "The non-profit said on Monday that two of its largest donors had reduced their support.");
        assertTop("medtop:11000000", "Exiled critic keeps up nightly podcast",
                "The government critic, who has lived in exile for four years, said his audience had doubled.");
        assertTop("medtop:14000000", "Allotment brings a street together",
                "The community garden on the old car park has forty plots and a waiting list.");
        assertTop("medtop:14000000", "Child benefit to rise from April",
                "Families with two children will get about five pounds a week more, the department said.");
    }

    @Test
    void blastsAndHostagesAreTheConflictsWhereFightersOrBombsAreNamed() {
        assertTop("medtop:16000000", "Grenade blasts hit rally",
                "A series of blasts rocked an opposition rally in the capital, killing at least 13 people.");
        assertTop("medtop:03000000", "Blast at chemical plant injures workers",
                "An explosion tore through a storage hall at the plant on Monday; the fire service said a gas leak was the cause.");
        assertTop("medtop:16000000", "Militants set deadline for hostages",
                "The insurgents holding two aid workers hostage said they would free them if troops left the province.");
        assertTop("medtop:02000000", "Banker kidnapped for ransom",
                "Police said the kidnappers demanded a ransom of two million dollars from the family.");
    }

    @Test
    void aSourceNamedInPassingIsNoMediaStory() {
        // "told state radio", "a psychologist said": where a story was told or who was asked is no field of its own.
        List<MediaTopic> topics = CLASSIFIER.classify("Minister to quit, he says",
                "The minister told state radio he would step down next month. A historian said it was overdue.", "en");
        assertEquals("medtop:11000000", topics.get(0).code(), topics.toString());
        assertTrue(topics.stream().noneMatch(t -> t.code().equals("medtop:01000000") || t.code().equals("medtop:13000000")),
                topics.toString());
    }

    @Test
    void aFewClearWordsOfAFieldOutweighManyCommonWordsOfMoney() {
        // "cost", "million", "euros", "sales", "percent", "price", "demand": each a small economy cue, and every
        // story about a product has them; the vaccine, the measles and the toddlers say what the story is about.
        assertTop("medtop:07000000", "Measles vaccine approved for toddlers",
                "Developing the shot cost 40 million euros, and sales are expected to rise 12 percent a year as its"
                        + " price falls, the maker said on Monday, adding that demand was growing.");
    }

    @Test
    void theLeadOfTheBestFieldIsItsEvidenceOverTheSecond() {
        TopicClassifier.Scores none = CLASSIFIER.score("", "", "en");
        assertEquals(0.0, CLASSIFIER.leadOfBest(none, Map.of()));
        assertEquals(5.0, CLASSIFIER.leadOfBest(none, Map.of("medtop:15000000", 5.0)), 1e-9);
        assertEquals(2.0, CLASSIFIER.leadOfBest(none, Map.of("medtop:15000000", 5.0, "medtop:04000000", 3.0)), 1e-9);
        // Evidence for a narrower topic counts for its field.
        assertEquals(1.0, CLASSIFIER.leadOfBest(none, Map.of("medtop:20001065", 4.0, "medtop:04000000", 5.0)), 1e-9);
    }

    @Test
    void aVoteForAFieldRanksItButLeavesItsNarrowerTopicsToTheirOwnEvidence() {
        String headline = "Parliament passes new election law";
        String body = "The law changes how votes are counted in national elections, the electoral commission said.";
        TopicClassifier.Scores scores = CLASSIFIER.score(headline, body, "en");
        List<MediaTopic> byWords = CLASSIFIER.topics(scores, Map.of());
        List<String> narrower = byWords.stream().filter(t -> t.level() > 1).map(MediaTopic::code).toList();
        assertTrue(narrower.contains("medtop:20000574"), byWords.toString());
        // A large vote for politics: the same narrower topics, and a vote for another field moves only the ranking.
        List<MediaTopic> voted = CLASSIFIER.topics(scores, Map.of(), Map.of("medtop:11000000", 18.0));
        assertEquals(narrower, voted.stream().filter(t -> t.level() > 1).map(MediaTopic::code).toList(), voted.toString());
        List<MediaTopic> outvoted = CLASSIFIER.topics(scores, Map.of(), Map.of("medtop:15000000", 60.0));
        assertEquals("medtop:15000000", outvoted.get(0).code(), outvoted.toString());
        // A vote is for a level-1 topic; one for a narrower code is ignored.
        assertEquals(byWords, CLASSIFIER.topics(scores, Map.of(), Map.of("medtop:20001065", 60.0)));
    }

    @Test
    void figuresOfSpeechAndPlaceNamesAreNoField() {
        List<MediaTopic> savings = CLASSIFIER.classify("Ballpark figure for savings",
                "Costs are only part of the equation, the company said.", "en");
        assertTrue(savings.stream().noneMatch(t -> t.code().equals("medtop:15000000") || t.code().equals("medtop:13000000")),
                savings.toString());
        List<MediaTopic> staff = CLASSIFIER.classify("Lender accused of poaching staff",
                "The bank denied poaching traders from its rival, the company said.", "en");
        assertTrue(staff.stream().noneMatch(t -> t.code().equals("medtop:06000000")), staff.toString());
        List<MediaTopic> game = CLASSIFIER.classify("Tar Heels win at Chapel Hill",
                "North Carolina beat Duke 80-71 in the basketball game at Chapel Hill.", "en");
        assertTrue(game.stream().noneMatch(t -> t.code().equals("medtop:12000000")), game.toString());
    }

    @Test
    void droneStoriesAreConflictAndPolitics() {
        Optional<Seed> s000 = SeedArticles.load("000");
        Optional<Seed> s001 = SeedArticles.load("001");
        Optional<Seed> s004 = SeedArticles.load("004");
        assumeTrue(s000.isPresent() && s001.isPresent() && s004.isPresent(), "shared/samples/seeds not found");
        Seed first004 = SeedArticles.split(s004.get(), SeedArticles.SECOND_STORY_OF_004)[0];
        for (Seed seed : List.of(s000.get(), s001.get(), first004)) {
            List<MediaTopic> topics = CLASSIFIER.classify(seed.headline(), seed.body(), "en");
            assertWellFormed(topics);
            Set<String> codes = codes(topics);
            assertTrue(codes.contains("medtop:16000000"), seed.headline() + " " + topics);
            assertTrue(codes.contains("medtop:11000000") || codes.contains("medtop:20000638"), seed.headline() + " " + topics);
            Set<String> firstTwo = topics.stream().filter(t -> t.level() == 1).limit(2).map(MediaTopic::code).collect(Collectors.toSet());
            assertEquals(Set.of("medtop:16000000", "medtop:11000000"), firstTwo, "conflict and politics lead: " + topics);
        }
    }

    @Test
    void cambodiaScamStoryIsCrimeAndFraud() {
        Optional<Seed> s004 = SeedArticles.load("004");
        assumeTrue(s004.isPresent(), "shared/samples/seeds not found");
        Seed scam = SeedArticles.split(s004.get(), SeedArticles.SECOND_STORY_OF_004)[1];
        List<MediaTopic> topics = CLASSIFIER.classify(scam.headline(), scam.body(), "en");
        assertWellFormed(topics);
        assertEquals("medtop:02000000", topics.get(0).code(), topics.toString());
        assertTrue(topics.stream().anyMatch(t -> t.level() >= 2
                && MediaTopics.withAncestors(t.code()).stream().anyMatch(a -> a.code().equals("medtop:20000082"))),
                "a narrower crime topic: " + topics);
    }

    @Test
    void theLanguageOfASeasonMakesSportWithoutAnyResult() {
        // No score, no league, no sport named: only the words of a team's season and its positions.
        List<MediaTopic> topics = CLASSIFIER.classify("Marlowe waived a week before the home opener",
                "The club released its veteran cornerback on Monday after a poor preseason. The head coach said the"
                        + " defensive line needed younger legs before the playoffs.", "en");
        assertWellFormed(topics);
        assertEquals("medtop:15000000", topics.get(0).code(), topics.toString());
        assertTrue(codes(topics).contains("medtop:20000823"), "American football: " + topics);
    }

    @Test
    void wordsOfFightingInAMatchReportAreNoConflictWithoutAWordOfWar() {
        String match = "Rovers beat City 2-1 on Saturday. The home side's attack pressed from the first minute and their"
                + " captain shot wide twice. City's defence held until the 70th minute, when the striker fired in from close"
                + " range. The visitors battled back, but Rovers captured the win with a stoppage-time goal.";
        List<MediaTopic> topics = CLASSIFIER.classify("Rovers edge past City in derby", match, "en");
        assertWellFormed(topics);
        assertEquals("medtop:15000000", topics.get(0).code(), topics.toString());
        assertFalse(codes(topics).contains("medtop:16000000"), "attack, shot, defence, fired, battled: " + topics);
        // The same words next to a word of war still count for conflict.
        List<MediaTopic> war = CLASSIFIER.classify("Troops repel attack on border town",
                "Soldiers fired on the attackers and captured two of them; the attack left three dead.", "en");
        assertEquals("medtop:16000000", war.get(0).code(), war.toString());
    }

    @Test
    void headlineOutweighsBodyAndNarrowTopicsFollowTheirParents() {
        List<MediaTopic> topics = CLASSIFIER.classify("Striker scores twice as City win the Premier League title",
                "The club's manager praised the squad after the match. Shares in the club's owner rose.", "en");
        assertWellFormed(topics);
        assertEquals("medtop:15000000", topics.get(0).code());
        assertTrue(codes(topics).contains("medtop:20001065"), "soccer: " + topics);
        for (int i = 1; i < topics.size(); i++) {
            MediaTopic t = topics.get(i);
            if (t.level() > 1) {
                String parent = MediaTopics.find(t.code()).orElseThrow().parent();
                assertTrue(topics.subList(0, i).stream().anyMatch(p -> p.code().equals(parent)), "parent before child: " + topics);
            }
        }
    }

    @Test
    void coversEverydayNewsAcrossTheTopLevel() {
        assertTop("medtop:04000000", "Carmaker's quarterly profit beats forecasts", "Shares rose 5 percent after the company raised its full-year revenue outlook.");
        assertTop("medtop:13000000", "Astronomers spot water on distant planet", "Researchers using a space telescope found traces of water vapour in the planet's atmosphere.");
        assertTop("medtop:07000000", "Measles outbreak spreads in schools", "Health officials urged parents to vaccinate children as hospital cases of the virus doubled.");
        assertTop("medtop:03000000", "Earthquake kills dozens in mountain villages", "Rescuers searched collapsed homes after the magnitude 6.8 quake; the death toll is expected to rise.");
        assertTop("medtop:17000000", "Heatwave to bring record temperatures this weekend", "Forecasters issued a weather warning as temperatures climb above 38 degrees Celsius.");
        assertTop("medtop:09000000", "Rail workers to strike over pay", "The union said members voted for a walkout after wage talks with employers collapsed.");
        assertTop("medtop:12000000", "Pope visits mosque in call for interfaith peace", "The pontiff met imams and bishops during the visit to the church and mosque.");
        assertTop("medtop:05000000", "Teachers warn of exam chaos as schools reopen", "Pupils and students face delays to the curriculum, head teachers said.");
        assertTop("medtop:06000000", "Coral reefs bleaching as oceans warm", "Conservation groups say climate change and pollution threaten endangered species on the reef.");
        assertTop("medtop:01000000", "Director's new film wins top prize at Cannes", "The movie, starring two first-time actors, premiered at the film festival to a standing ovation.");
        assertTop("medtop:10000000", "Ten recipes for a summer picnic", "Our chef shares cooking tips, wine pairings and a vegetarian menu for travellers on holiday.");
        assertTop("medtop:11000000", "Opposition wins snap election as prime minister concedes", "Voters turned out in record numbers; the new parliament will elect a government next week.");
        assertTop("medtop:14000000", "Homelessness rises as poverty deepens", "Charities say more families depend on food banks and welfare as inequality grows.");
        assertTop("medtop:08000000", "Dog reunited with owner after ten years", "The pet was found hundreds of miles away; a heartwarming reunion followed at the zoo gate.");
        assertTop("medtop:16000000", "Rebels seize border town as army retreats", "Fighting between troops and militants killed dozens of civilians, and the ceasefire collapsed.");
        assertTop("medtop:02000000", "Man charged with murder after stabbing", "Police arrested the suspect on Sunday; he will appear in court on Monday.");
        assertTop("medtop:15000000", "Federer beats Nadal in five-set Wimbledon final", "The Swiss won 6-4, 3-6, 7-6 to lift the trophy for a ninth time.");
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        String headline = "Rebels seize border town as army retreats";
        String body = "Fighting between troops and militants killed dozens of civilians, the ministry said.";
        List<MediaTopic> expected = CLASSIFIER.classify(headline, body, "en");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<MediaTopic>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> CLASSIFIER.classify(headline, body, "en")));
            }
            for (var result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sectarianNamesAndNuclearProgrammesPointToConflictAndPolitics() {
        // Branch and office names ("Shiite", "cleric") name the sides of a fight, not a story about faith.
        assertTop("medtop:16000000", "Delegates urge cleric to pull his men out", "Delegates at a national conference called"
                + " on the radical Shiite cleric to end his uprising and withdraw his militia from the old city.");
        // "deal" alone read as business before "nuclear activities" meant anything.
        assertTop("medtop:11000000", "Iran to reject European nuclear deal",
                "The country will not accept any proposal that requires it to halt its nuclear activities.");
    }

    @Test
    void aSurfaceCueMatchesTheWordAsWrittenNotWordsSharingItsStem() {
        // The light stemmer gives "aids" and "aid", "plane" and "plans" one stem; "=" keeps such cues apart.
        TopicClassifier classifier = new TopicClassifier("/topics/surface-cues.tsv");
        Set<String> aid = codes(classifier.classify("Aid convoy reaches the town",
                "Agencies aided by volunteers plan to bring more aid; the planned route is aiding the effort.", "en"));
        assertFalse(aid.contains("medtop:07000000"), aid.toString());
        assertFalse(aid.contains("medtop:03000000"), aid.toString());
        Set<String> disease = codes(classifier.classify("AIDS clinic opens", "The plane landed with medicine.", "en"));
        assertTrue(disease.contains("medtop:20000448"), disease.toString());
        assertTrue(disease.contains("medtop:20000143"), disease.toString());
    }

    @Test
    void wordsThatOnlyShareAStemWithACueDoNotDecideTheTopic() {
        // Before "=" cues: "plans" read as a plane (transport accident), "Los Angeles" as the Angels (baseball),
        // "aid" as AIDS, "according to" as a diplomatic accord and "united" as a business unit.
        assertTop("medtop:11000000", "Los Angeles council plans to vote on the budget",
                "The city plans a vote next week, according to the mayor, after councillors united behind the plan.");
        Set<String> aid = codes(CLASSIFIER.classify("Aid reaches flood survivors",
                "Aid agencies said the aid would reach the survivors of the floods within days.", "en"));
        assertFalse(aid.contains("medtop:07000000"), aid.toString());
        assertTop("medtop:04000000", "Carmaker shares rise on strong sales",
                "Shares in the carmaker rose after it reported higher sales and profit for the quarter.");
    }

    @Test
    void aResultIsAScorelineButADateIsNot() {
        String result = "The visitors won the match 3-1 on Saturday.";
        assertTrue(CLASSIFIER.explain("", result, "en").stream().anyMatch(l -> l.startsWith(TopicClassifier.SCORELINE)),
                "3-1 is a result");
        for (String dated : List.of("OSLO 2026-08-31\n\nThe ministry said the plan was ready.",
                "Call 555-12-34 for the details of the plan.")) {
            assertTrue(CLASSIFIER.explain("", dated, "en").stream().noneMatch(l -> l.startsWith(TopicClassifier.SCORELINE)),
                    "no result in: " + dated);
        }
    }

    static void assertTop(String expected, String headline, String body) {
        List<MediaTopic> topics = CLASSIFIER.classify(headline, body, "en");
        assertWellFormed(topics);
        assertEquals(expected, topics.get(0).code(), headline + " -> " + topics);
    }

    @Test
    void otherLanguagesGetATopLevelAndNothingFails() {
        assertEquals("medtop:15000000", CLASSIFIER.classify("Bayern gewinnt das Spitzenspiel",
                "Die Mannschaft feierte den Sieg in der Bundesliga, der Trainer lobte die Spieler.", "de").get(0).code());
        assertEquals("medtop:11000000", CLASSIFIER.classify("Regeringen presenterar budgeten",
                "Statsministern och partiledarna debatterade i riksdagen inför valet.", "sv").get(0).code());
        assertEquals("medtop:02000000", CLASSIFIER.classify("Mann pågrepet etter drap",
                "Politiet har siktet en mann i 30-årene. Saken skal opp i tingretten.", "nb").get(0).code());
        assertEquals("medtop:15000000", CLASSIFIER.classify("Le PSG battu en Ligue 1",
                "Le club parisien s'incline face à Lyon, selon l'UEFA.", "fr").get(0).code());
        List<MediaTopic> unknown = CLASSIFIER.classify("Xyz", "Qwerty uiop.", "en");
        assertEquals(1, unknown.size());
        assertEquals(1, unknown.get(0).level());
        assertEquals(List.of(), CLASSIFIER.classify(null, "  ", null));
        assertFalse(CLASSIFIER.classify("", "北京今日天气晴朗", "zh").isEmpty());
    }
}
