using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Tests.Meaning;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading.Tests;

/// <summary>Keyword extraction rules beyond the reviewed seed lists (docs/keywords-assignment-8.md).</summary>
public class ExtractionTests
{
    private static readonly string[] Answers =
    [
        "A CNN learns filters that detect edges and textures in images.",
        "Pooling layers shrink the feature maps, which lowers the cost of each later layer and adds some invariance to small shifts of the input.",
        "The filters are learned on a GPU, which makes training fast.",
        "Non-maximum suppression keeps the box with the highest score and drops boxes that overlap it by more than a threshold.",
    ];

    [Theory]
    [InlineData(0, "CNN", true)]
    [InlineData(1, "CNN", false)]
    [InlineData(1, "mAP", false)]
    [InlineData(2, "GPU", true)]
    [InlineData(2, "CNN", false)]
    [InlineData(3, "NMS", true)]
    [InlineData(3, "GPU", false)]
    public void LexiconAbbreviationsBecomeKeywordsOnlyWhereTheAnswerUsesThem(int answer, string acronym, bool expected)
    {
        var keywords = new KeywordExtractor().Extract(Answers.Select(a => new QuestionText("Explain the step.", a)).ToList())[answer];
        Assert.Equal(expected, keywords.Any(k => k.Alternatives.Prepend(k.Phrase).Contains(acronym, StringComparer.Ordinal)));
    }

    [Theory]
    // Subject words are not listed: they stay nouns whatever their form.
    [InlineData("The enzyme denatures at high heat.", "denatures", "Noun")]
    // A listed verb with an -s is the verb of its clause.
    [InlineData("The client sends a SYN segment.", "sends", "Verb")]
    [InlineData("The window doubles every round trip.", "doubles", "Verb")]
    // After a determiner a listed verb is a noun; after a singular noun it heads a compound.
    [InlineData("It builds a map of the topology.", "map", "Noun")]
    [InlineData("Rent control is an example.", "control", "Noun")]
    // After a plural subject, "to" or a modal, the base form is a verb.
    [InlineData("Many hosts share one address.", "share", "Verb")]
    [InlineData("The router needs to send packets.", "send", "Verb")]
    // A participle before a noun describes it; at the end of a clause it is a verb.
    [InlineData("Transfer learning gives reduced training time.", "reduced", "Modifier")]
    [InlineData("The connection is established in both directions.", "established", "Verb")]
    [InlineData("Napoleon carried nationalism across Europe.", "carried", "Verb")]
    // An unlisted "-ed" word between a noun and its object is a verb; before a listed verb it describes the noun before.
    [InlineData("The Treaty reformed law in many states.", "reformed", "Verb")]
    [InlineData("Quantity demanded exceeds quantity supplied.", "demanded", "Noun")]
    // A listed verb's -ing form takes an object, even after a preposition; a subject's -ing form is a noun.
    [InlineData("It helps by adding random noise.", "adding", "Verb")]
    [InlineData("Pooling shrinks the maps.", "pooling", "Noun")]
    // Adverbs, "-ly" words and the prepositions the stop list leaves in never name a thing.
    [InlineData("The locks are held forever.", "forever", "Other")]
    [InlineData("It converges slowly.", "slowly", "Other")]
    [InlineData("The receiver puts segments back in order.", "back", "Other")]
    [InlineData("Hosts behind NAT are hidden.", "behind", "Other")]
    [InlineData("The family of protocols.", "family", "Noun")]
    // Adjectives, listed or by their ending, describe.
    [InlineData("A large dataset helps.", "large", "Modifier")]
    // A listed adjective that ends a phrase opened by a determiner or a preposition names a thing; coordinated, it describes.
    [InlineData("The current through a conductor is proportional to the voltage.", "current", "Noun")]
    [InlineData("It rectifies an alternating current.", "current", "Noun")]
    [InlineData("Each log record holds the old and new values.", "old", "Modifier")]
    [InlineData("It trains a smaller, more compact model.", "smaller", "Modifier")]
    [InlineData("Distillation makes the model smaller.", "smaller", "Modifier")]
    [InlineData("The membrane is selectively permeable.", "permeable", "Modifier")]
    // An "-ic" or "-ive" word between content words describes the noun after it; after a determiner it may name one.
    [InlineData("Therapy helps patients challenge negative automatic thoughts.", "automatic", "Modifier")]
    [InlineData("Encoders capture rich semantic information.", "semantic", "Modifier")]
    [InlineData("In the volcanic phase magma erupts.", "volcanic", "Noun")]
    // A subject's own verb, known by its place: "-ed" ending its phrase after a noun or after "is"/"has", "-s" before
    // a determiner, an irregular past after a noun. Before a noun an "-ed" word still describes it.
    [InlineData("The blockade deepened the split.", "deepened", "Verb")]
    [InlineData("A loss is detected by duplicate acknowledgements.", "detected", "Verb")]
    [InlineData("The enzyme lowers the activation energy.", "lowers", "Verb")]
    [InlineData("The Soviet Union broke apart.", "broke", "Verb")]
    [InlineData("The ultimatum drew the alliances into war.", "drew", "Verb")]
    // Between a determiner's one noun and a plural, an "-s" word is the verb; not so inside a longer name.
    [InlineData("The inner membrane pumps protons outward.", "pumps", "Verb")]
    [InlineData("The memory management unit translates virtual addresses.", "translates", "Verb")]
    [InlineData("Optimistic control suits workloads with few conflicts.", "suits", "Verb")]
    [InlineData("Hash tables map keys to buckets.", "tables", "Noun")]
    // So before a mass noun and its preposition; not a plural that a participle or an adverb follows.
    [InlineData("The star fuses helium into carbon.", "fuses", "Verb")]
    [InlineData("Faraday's law states that the induced emf grows.", "states", "Verb")]
    [InlineData("It waits by wound-wait schemes based on timestamps.", "schemes", "Noun")]
    [InlineData("The receiver puts segments back in order.", "segments", "Noun")]
    // A base form after a plural, before its object, is the verb: "range queries scan them".
    [InlineData("Range queries scan them in order.", "scan", "Verb")]
    // After "a" a word in "-s" is singular: "a series circuit" is a compound.
    [InlineData("In a series circuit the components carry one current.", "circuit", "Noun")]
    // So is a base form after a plural subject before an object that is a plural, opens with an adjective or a
    // quantifier, or is a particle; a plural without an "-s" is a plural too. At the end of a clause it is a compound.
    [InlineData("Deeper layers capture complex patterns.", "capture", "Verb")]
    [InlineData("Early layers detect edges, while deeper layers capture more high-level features.", "capture", "Verb")]
    [InlineData("The chromosomes line up at the equator.", "line", "Verb")]
    [InlineData("Mitochondria produce most of the cell's ATP.", "produce", "Verb")]
    [InlineData("In this stage children use symbols.", "use", "Verb")]
    [InlineData("Ordinary people obey a legitimate authority.", "obey", "Verb")]
    [InlineData("The arms race, including the naval race, raised tension.", "race", "Noun")]
    [InlineData("Isolation means concurrent transactions do not interfere.", "concurrent", "Noun")]
    // After a comma, an unlisted "-ing" word before its object is a verb, and so is an "-ed" word the sentence's
    // subject still waits for; after the sentence's verb it describes. So is an "-ed" word after "that" before its object,
    // and a base form after "they" or "we".
    [InlineData("Behaviour is learned by shaping, reinforcing successive approximations.", "reinforcing", "Verb")]
    [InlineData("The arms race, including the naval race, raised tension.", "raised", "Verb")]
    [InlineData("The learner, a confederate, screamed and fell silent.", "screamed", "Verb")]
    [InlineData("The economy stagnated, and the reforms, glasnost and perestroika, loosened control.", "loosened", "Verb")]
    [InlineData("The recession brought rising prices, depressed wages and unemployment.", "depressed", "Noun")]
    [InlineData("It was a reform that reshaped the economy.", "reshaped", "Verb")]
    [InlineData("Convolutional layers apply kernels, which detect specific patterns.", "detect", "Verb")]
    [InlineData("Later they master conservation.", "master", "Verb")]
    [InlineData("Multi-modal CNNs combine information from different modalities.", "combine", "Verb")] // a mass noun as its object
    [InlineData("It is too large for a single device's memory.", "device's", "Noun")]
    [InlineData("Sodium channels open gates.", "channels", "Noun")]
    [InlineData("Limited labeled data is common.", "labeled", "Noun")]
    // Numbers and quantities count a thing, conjunctions open a clause: neither names anything.
    [InlineData("All devices share one collision domain.", "one", "Other")]
    [InlineData("Packets may arrive twice since IP reorders them.", "since", "Other")]
    // After an acronym a listed verb's "-s" form is what the acronym qualifies, unless an object follows.
    [InlineData("Switches learn MAC addresses and forward frames.", "addresses", "Noun")]
    [InlineData("NAT rewrites the source address.", "rewrites", "Verb")]
    [InlineData("Raising the policy rate slows spending.", "slows", "Verb")] // a gerund ending its phrase as the object
    [InlineData("Feature maps pooling layers activation functions.", "maps", "Noun")] // a gerund before its noun: a list
    [InlineData("An FCN uses transposed convolutions.", "uses", "Verb")]
    // Some verbs are never nouns: not after an acronym, nor after a noun they could otherwise head a compound with.
    [InlineData("The initial part of the FCN consists of convolutional layers.", "consists", "Verb")]
    [InlineData("Challenges in object tracking include occlusion, scale variation and fast motion.", "include", "Verb")]
    // A listed verb's noun is a noun by its ending; an irregular participle after "has" is the verb.
    [InlineData("Apoptosis shapes tissues during development.", "development", "Noun")]
    [InlineData("Deep networks learn hierarchical representations.", "representations", "Noun")]
    [InlineData("The victim is the transaction that has done the least work.", "done", "Verb")]
    // A subordinate clause's subject waits for its verb past a comma, as a sentence's does.
    [InlineData("Most subjects continued, although the learner, a confederate, screamed.", "screamed", "Verb")]
    // What a degree word, or a copula with its complement, says of a noun describes it; it names nothing.
    [InlineData("The higher rate makes borrowing more expensive and slows spending.", "expensive", "Modifier")]
    [InlineData("The induced emf is proportional to the rate of change.", "proportional", "Modifier")]
    [InlineData("In this stage children are egocentric and fail conservation tasks.", "egocentric", "Noun")]
    [InlineData("The learner screamed and then fell silent.", "silent", "Modifier")]
    [InlineData("Obedience fell when orders came by telephone.", "fell", "Verb")]
    // A listed adjective that ends its phrase after a verb is the verb's object ("current" is a noun too); after a
    // linking verb it says how something is, and a comparative how something is done.
    [InlineData("Free electrons carry current in a conductor.", "current", "Noun")]
    [InlineData("The diode lets it rectify alternating current.", "current", "Noun")]
    [InlineData("The total resistance stays small.", "small", "Modifier")]
    [InlineData("Augmentation helps the model generalize better.", "better", "Modifier")]
    // A word after "and" is a verb like the one before it, or before its object's determiner.
    [InlineData("Therapy helps patients identify and challenge negative automatic thoughts.", "challenge", "Verb")]
    [InlineData("The Revolution ended absolute monarchy and spread the ideas of popular sovereignty.", "spread", "Verb")]
    [InlineData("Either oversampling the minority class or undersampling the majority class.", "undersampling", "Noun")]
    [InlineData("The decoder upsamples the features and combines them with skip connections.", "combines", "Verb")]
    // An ordinal describes the noun after it, or says when: "the model first generates region proposals".
    [InlineData("The model first generates region proposals.", "first", "Other")]
    [InlineData("The first layer detects edges.", "first", "Modifier")]
    [InlineData("These techniques help equalize the representation of different classes.", "equalize", "Verb")]
    [InlineData("The help desk answers the phone.", "desk", "Noun")]
    // A number counts the plural after it: "causes" there is no verb.
    [InlineData("Historians name four long-term causes: militarism and nationalism.", "causes", "Noun")]
    public void WordsAreClassifiedInContext(string sentence, string word, string expected)
    {
        var answer = new ModelAnswerText(sentence);
        var index = answer.Tokens.FindIndex(t => t.Term.Folded == word);
        Assert.Equal(Enum.Parse<WordClass>(expected), answer.Classes[index]);
    }

    [Theory]
    [InlineData("Writes go to stable storage before the commit.", "stable storage", true)]
    [InlineData("The client picks an initial sequence number.", "initial sequence number", true)]
    [InlineData("Optimistic concurrency control assumes few conflicts.", "concurrency control assumes", false)]
    [InlineData("Hosts behind NAT cannot accept connections.", "hosts behind NAT", false)]
    [InlineData("The data are large.", "large", false)]
    [InlineData("Deadlock happens when transactions wait.", "deadlock happens", false)]
    [InlineData("Rehearsal builds new long-term memories.", "new long-term", false)]
    [InlineData("Peer-to-peer applications need a relay.", "peer-to-peer", true)]
    // Three words, four tokens: a hyphenated word counts once.
    [InlineData("Most databases use strict two-phase locking.", "strict two-phase locking", true)]
    public void NounPhrasesEndOnANounAndHoldNoVerbOrAdverb(string sentence, string phrase, bool expected)
    {
        var answer = new ModelAnswerText(sentence);
        var words = Tokenizer.Tokenize(phrase).Select(t => t.Term.Folded).ToArray();
        var window = answer.Phrases.Single(p => p.Length == words.Length
            && Enumerable.Range(0, p.Length).All(k => answer.Tokens[p.Run[p.Start + k]].Term.Folded == words[k]));
        Assert.Equal(expected, answer.IsNounPhrase(window.Run, window.Start, window.Length));
    }

    private const string Deadlocks =
        "A deadlock happens when each transaction waits forever for a lock that another transaction holds. The database " +
        "keeps a wait-for graph whose edges point from a waiting transaction to the holder of its lock; a cycle in the wait-for " +
        "graph is a deadlock. The system then picks a victim transaction whose rollback costs least, rolls it back instead of " +
        "waiting for the other transactions to finish, so that its locks are released. With respect to recovery, the log on " +
        "stable storage is written ahead of the data pages so that every committed change can be redone after a crash; you " +
        "only look once at the log tail.\n";

    private static IReadOnlyList<Keyword> DeadlockKeywords() =>
        new KeywordExtractor().Extract([new QuestionText("How does a database handle deadlocks?", Deadlocks), new QuestionText("What is a lock?", "A lock guards a row.")])[0];

    [Theory]
    [InlineData("wait-for graph")]
    [InlineData("stable storage")]
    public void TermsOfArtStayWhole(string phrase) =>
        Assert.True(DeadlockKeywords().Any(k => k.Phrase == phrase), string.Join(", ", DeadlockKeywords().Select(k => k.Phrase)));

    [Theory]
    [InlineData("happens")]
    [InlineData("forever")]
    [InlineData("instead")]
    [InlineData("every")]
    [InlineData("respect")]
    [InlineData("keeps")]
    public void VerbsAdverbsAndLinkingWordsAreNotKeywords(string word) =>
        Assert.DoesNotContain(DeadlockKeywords(), k => Tokenizer.Tokenize(k.Phrase).Any(t => t.Term.Folded == word));

    [Fact]
    public void FieldLexiconStaysOutOfADocumentThatDoesNotUseIt() =>
        Assert.DoesNotContain(DeadlockKeywords(), k => k.Alternatives.Prepend(k.Phrase).Any(p => p.Contains("YOLO", StringComparison.Ordinal)));

    [Fact]
    public void CaseNamesAreOneNamedTerm()
    {
        var answer = new ModelAnswerText("Damages are limited by remoteness (Hadley v Baxendale) and the duty to mitigate.");
        var (first, last) = Assert.Single(answer.NamedTerms());
        Assert.Equal("Hadley v Baxendale", answer.Text[answer.Tokens[first].Start..answer.Tokens[last].End]);
    }

    [Theory]
    [InlineData("Its terms were set by the Treaty of Versailles in 1919.", "Treaty of Versailles")]
    [InlineData("The Assembly adopted the Declaration of the Rights of Man in August.", "Declaration of the Rights of Man")]
    public void ANameGoesOnThroughOfAndOfThe(string sentence, string name)
    {
        var answer = new ModelAnswerText(sentence);
        Assert.Contains(name, answer.NamedTerms().Select(t => answer.Text[answer.Tokens[t.First].Start..answer.Tokens[t.Last].End]));
    }

    [Theory]
    // A number after a name is part of it; a year after one is a date. A month is no name at all.
    [InlineData("The war guilt clause, Article 231, put the blame on the losers.", "Article 231")]
    [InlineData("Work began at Hoover 1931 and ended in 1936.", "Hoover")]
    [InlineData("The war began in June 1914.", "")]
    public void ANumberAfterANameIsPartOfIt(string sentence, string name)
    {
        var answer = new ModelAnswerText(sentence);
        Assert.Equal(name, string.Join("|", answer.NamedTerms().Select(t => answer.Text[answer.Tokens[t.First].Start..answer.Tokens[t.Last].End])));
    }

    [Fact]
    public void ALongCaseNameIsOneKeyword()
    {
        var phrases = PhrasesOf("What does the doctrine of promissory estoppel do?",
            "Promissory estoppel stops a promisor from going back on a promise not to enforce strict legal rights when the promisee has " +
            "relied on it and it would be inequitable (Central London Property Trust v High Trees House). It is a shield, not a sword: " +
            "it cannot found a cause of action, and it usually suspends rights rather than extinguishing them.");
        Assert.Contains("Central London Property Trust v High Trees House", phrases);
        Assert.DoesNotContain(phrases, p => p is "Central London Property" or "High Trees House");
    }

    [Fact]
    public void AShortAnswerKeepsTheItemsOfItsEnumerationWhole()
    {
        var phrases = PhrasesOf("What is a market failure?", "Markets fail with externalities, public goods, information asymmetry and monopoly power.");
        Assert.All(new[] { "public goods", "information asymmetry", "monopoly power" }, item => Assert.Contains(item, phrases));
    }

    [Theory]
    [InlineData("Damages are limited by the duty to mitigate.", "duty to mitigate", false)]
    [InlineData("A change in price moves demand.", "change in price", false)]
    [InlineData("Real GDP is the ratio of nominal GDP to the price level.", "ratio of nominal GDP", false)]
    // "To" before a verb makes a term of an abstract noun only; elsewhere the answer must say it again.
    [InlineData("The update allows the network to adapt.", "network to adapt", true)]
    public void NounsLinkedByOfToInForAreOneCandidate(string sentence, string phrase, bool needsRecurrence)
        => Assert.Equal((phrase, needsRecurrence), Assert.Single(LinkedIn(sentence)));

    [Theory]
    // Links through "of" chain into one longer term; through other words they are a place and a time.
    [InlineData("The emf is proportional to the rate of change of flux linkage.", "rate of change of flux linkage", true)]
    [InlineData("It followed the murder of Ferdinand in Sarajevo in June.", "murder of Ferdinand in Sarajevo", false)]
    [InlineData("It followed the murder of Ferdinand in Sarajevo in June.", "Ferdinand in Sarajevo in June", false)]
    public void LinksThroughOfChainIntoOneCandidate(string sentence, string phrase, bool expected) =>
        Assert.Equal(expected, LinkedIn(sentence).Any(l => l.Phrase == phrase));

    [Theory]
    // After a determiner the link describes ("capacity of the parties"); before a noun the name goes on; "to" before a
    // plural is a direction.
    [InlineData("It requires the capacity of the parties.")]
    [InlineData("It followed the assassination of Archduke Franz Ferdinand.")]
    [InlineData("Factories moved production to machines.")]
    public void LinkedNounsThatDescribeOrGoOnAreNotCandidates(string sentence) => Assert.Empty(LinkedIn(sentence));

    [Theory]
    // What "is" or "are" says of a noun, where that ends the clause, is one candidate with it.
    [InlineData("Optimistic control assumes conflicts are rare: transactions run without locks.", "conflicts are rare")]
    [InlineData("Its leaves are linked, so range queries scan them.", "leaves are linked")]
    [InlineData("Necessities are inelastic and luxuries elastic.", "Necessities are inelastic")]
    // Not where the clause goes on ("by", a noun), nor a progressive.
    [InlineData("The gradient is calculated by the chain rule.", "")]
    [InlineData("The cost is budget deficit.", "")]
    [InlineData("The economy was stagnating.", "")]
    public void WhatAShortClauseSaysOfANounIsOneCandidate(string sentence, string phrase)
    {
        var answer = new ModelAnswerText(sentence);
        Assert.Equal(phrase, string.Join("|", answer.Clauses.Select(c => answer.Text[answer.Tokens[c.Words[0]].Start..answer.Tokens[c.Words[^1]].End])));
    }

    [Fact]
    public void AShortClauseLeavesItsNounAKeyword()
    {
        const string answer = "Specific performance is an equitable order to perform, given only when damages are inadequate, such as " +
            "for land or unique goods. Damages compensate the expectation loss, limited by remoteness and the duty to mitigate; " +
            "an injunction stops a breach.";
        var phrases = PhrasesOf("What remedies are there for breach of contract?", answer);
        Assert.Contains("damages are inadequate", phrases);
        Assert.Contains(phrases, p => p.Equals("damages", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    // A number with what it counts or measures, or a percentage, is one candidate: runs of content words stop at it.
    [InlineData("About 65 % obeyed up to 450 volts.", "65 %|450 volts")]
    [InlineData("Symptoms must last at least two weeks.", "two weeks")]
    [InlineData("Power stations step the voltage up to hundreds of kilovolts.", "hundreds of kilovolts")]
    [InlineData("The army was limited to 100,000 men.", "100,000 men")]
    // "One" is mostly an article; a number with no noun after it counts nothing named.
    [InlineData("One plate gains electrons and the other loses them.", "")]
    [InlineData("It went up by 4 in 2020.", "")]
    // A number word in a hyphenated word is part of a term the runs already have; digits the runs leave out.
    [InlineData("Strict two-phase locking holds them.", "")]
    [InlineData("Weights become 8-bit integers.", "8-bit integers")]
    public void AQuantityIsOneCandidate(string sentence, string expected)
    {
        var answer = new ModelAnswerText(sentence);
        Assert.Equal(expected, string.Join("|", answer.Quantities.Select(q =>
            answer.Text[answer.Tokens[q.Words[0]].Start..answer.Tokens[q.Words[^1]].End] + (q.Percent ? " %" : ""))));
    }

    [Fact]
    public void ALongAnswerKeepsItsQuantities()
    {
        const string answer = "Adults need seven to nine hours of sleep. Through the night the brain passes through sleep cycles of about " +
            "90 minutes, each with light sleep, deep slow-wave sleep and REM sleep. About 20 % of the night is REM sleep, when most " +
            "vivid dreams occur. After two nights without sleep, reaction times slow and lapses of attention become frequent.";
        var phrases = PhrasesOf("What happens during sleep?", answer);
        Assert.Contains("90 minutes", phrases);
        Assert.Contains("20 %", phrases);
    }

    private static List<(string Phrase, bool NeedsRecurrence)> LinkedIn(string sentence)
    {
        var answer = new ModelAnswerText(sentence);
        return [.. answer.Linked.Select(l => (answer.Text[answer.Tokens[l.Words[0]].Start..answer.Tokens[l.Words[^1]].End], l.NeedsRecurrence))];
    }

    [Theory]
    [InlineData("Its parts are the nucleus, the cytoplasm (with its organelles), the cell membrane and ribosomes.", "nucleus|cytoplasm|cell membrane|ribosomes")]
    // Two items are a pair, not a list; clauses with verbs are not items; a bracket's content is no item.
    [InlineData("It needs coal and iron ore.", "")]
    [InlineData("The client sends a request, the server answers, and the client acknowledges it.", "")]
    public void TheItemsOfAnEnumerationAreFound(string sentence, string expected)
    {
        var answer = new ModelAnswerText(sentence);
        var items = answer.ListItems().Select(item => answer.Text[answer.Tokens[item[0]].Start..answer.Tokens[item[^1]].End]);
        Assert.Equal(expected, string.Join('|', items));
    }

    [Fact]
    public void AShortAnswerKeepsAHyphenatedWordWhole() =>
        Assert.Contains("free-rider", PhrasesOf("Why are lighthouses built by governments?", "Nobody can be excluded, so each user is a free-rider."));

    [Fact]
    public void ALongAnswerKeepsATermWithAFunctionWordInside()
    {
        const string answer = "Damages put the claimant where performance would have put them, limited by remoteness and by the duty to mitigate. " +
            "Specific performance is an equitable order, given only when damages are inadequate, such as for land or unique goods; an injunction stops a breach, and rescission with restitution undoes a contract set aside for misrepresentation.";
        Assert.Contains("duty to mitigate", PhrasesOf("What remedies are available for breach of contract?", answer));
    }

    [Theory]
    [InlineData("", true)]
    // Said twice, a common word may be the answer's point: it is not discounted.
    [InlineData(" The water follows the solutes.", false)]
    public void AWordOfGeneralEnglishSaidOnceWeighsLessThanATermOfTheSubject(string more, bool discounted)
    {
        var answer = "Osmosis moves water across a selectively permeable membrane from the dilute side to the concentrated side. " +
            "Diffusion spreads solutes down their gradient without energy, while active transport uses ATP to pump ions " +
            "against their gradient through carrier proteins." + more;
        var keywords = new KeywordExtractor().Extract([new QuestionText("How do substances cross a membrane?", answer)])[0];
        double Weight(string phrase) => keywords.FirstOrDefault(k => k.Phrase.Equals(phrase, StringComparison.OrdinalIgnoreCase))?.Weight ?? 0;
        Assert.Equal(discounted, Weight("water") < Weight("osmosis"));
    }

    [Theory]
    // Said three times, "transactions" is the answer's point; said in the other answers too, it is the field's topic.
    [InlineData("What is a deadlock?", false)]
    [InlineData("What is a transaction?", true)]
    public void RepeatingTheFieldsTopicDoesNotMakeItTheAnswersPoint(string otherPrompt, bool topicElsewhere)
    {
        const string answer = "Transactions wait for locks that other transactions hold. The lock manager keeps a wait-for graph, and a " +
            "cycle in the graph is a deadlock: the database chooses a victim among the transactions, aborts it and rolls it back.";
        var other = topicElsewhere ? "A transaction is a unit of work that commits or aborts as a whole." : "A deadlock is a cycle of waits.";
        var keywords = new KeywordExtractor().Extract([new QuestionText("How is a deadlock resolved?", answer), new QuestionText(otherPrompt, other)])[0];
        double Weight(string phrase) => keywords.FirstOrDefault(k => k.Phrase.Equals(phrase, StringComparison.OrdinalIgnoreCase))?.Weight ?? 0;
        Assert.Equal(topicElsewhere, Weight("transactions") < Weight("victim"));
    }

    private const string Stars =
        "A star forms when a molecular cloud collapses under gravity into a protostar. Once hydrogen fusion starts in the core, " +
        "the star joins the main sequence, where radiation pressure balances gravity. When the core hydrogen runs out, the star " +
        "swells into a red giant and fuses helium into carbon. A low-mass star then sheds its outer layers as a planetary nebula " +
        "and leaves a white dwarf. A massive star fuses heavier elements up to iron, collapses in a supernova, and leaves a " +
        "neutron star or a black hole.";

    private static readonly string[] StarTerms = ["protostar", "hydrogen fusion", "red giant", "outer layers", "planetary nebula", "white dwarf", "black hole"];

    private static IReadOnlyList<Keyword> StarKeywords(ITokenEncoder? encoder) =>
        new KeywordExtractor { Encoder = encoder }.Extract([new QuestionText("How does a star evolve?", Stars), new QuestionText("What is a planet?", "A body that orbits a star.")])[0];

    [Fact]
    public void ALongAnswerKeepsAKeywordForEachOfItsTerms() =>
        Assert.All(StarTerms, term => Assert.Contains(StarKeywords(null), k => k.Phrase == term));

    [Fact]
    public void RankedByTheModelTheKeywordsAreTheSameEachTime()
    {
        var first = StarKeywords(SharedEncoder.Encoder);
        var again = StarKeywords(SharedEncoder.Encoder);
        Assert.Equal(first.Select(k => (k.Phrase, k.Weight)), again.Select(k => (k.Phrase, k.Weight)));
        Assert.Contains(first, k => k.Phrase == "white dwarf");
    }

    [Fact]
    public void HeadsThatRestateTheQuestionStayKeywords()
    {
        const string answer = "- Hub: repeats every signal on all its ports, so all attached devices share one medium.\n" +
            "- Switch: learns hardware addresses and sends each frame only where its destination is.\n" +
            "- Router: joins separate networks and chooses a path for each datagram from its forwarding table.";
        var phrases = PhrasesOf("What is the difference between a hub, a switch and a router?", answer);
        Assert.All(new[] { "Hub", "Switch", "Router" }, head => Assert.Contains(head, phrases));
    }

    [Fact]
    public void TheThingsAQuestionSetsSideBySideAreKeywordsAtTheLeastWeight()
    {
        const string answer = "Symmetric encryption uses one shared secret key for both directions, so it is fast, but the key must reach " +
            "the other side safely first. Asymmetric encryption uses a key pair: anyone may encrypt with the public key, and only the " +
            "holder of the private key can decrypt. It is much slower, so protocols use it to agree on a session key for symmetric encryption.";
        var keywords = new KeywordExtractor().Extract([new QuestionText("Compare symmetric encryption and asymmetric encryption.", answer)])[0];
        Assert.All(new[] { "symmetric encryption", "asymmetric encryption" }, term => Assert.Equal(0.5, Assert.Single(keywords, k => k.Phrase == term).Weight));
    }

    [Fact]
    public void AQuestionsTermSaidTwiceInOtherWordOrderIsOneKeyword()
    {
        const string answer = "Model quantization stores weights as 8-bit integers instead of 32-bit floats, so the memory footprint " +
            "shrinks fourfold; quantizing model activations as well speeds up inference. Pruning removes the weights closest to zero " +
            "and then fine-tunes the sparse network to recover its accuracy.";
        var phrases = PhrasesOf("Compare model quantization and pruning.", answer);
        Assert.Contains("model quantization", phrases);
        Assert.DoesNotContain("quantizing model", phrases);
    }

    [Theory]
    [InlineData("Describe image embedding and its applications in retrieval.")]
    [InlineData("Explain image embedding and how it is used in retrieval.")]
    public void AQuestionsSubjectFollowedByWhatItDoesIsNotATermSetBesideAnother(string prompt)
    {
        const string answer = "An image embedding maps each picture to a low-dimensional vector whose distances follow visual similarity. " +
            "A retrieval system stores the vectors of its collection in an index, encodes the query picture with the same network, " +
            "and returns the nearest neighbours by cosine distance.";
        Assert.DoesNotContain("image embedding", PhrasesOf(prompt, answer), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheAssignmentsSubjectSaidInMostAnswersIsNoKeywordOfAny()
    {
        (string Topic, string Says)[] answers =
        [
            ("pooling", "max pooling keeps the strongest activation of each window, halving the feature map and adding translation invariance"),
            ("padding", "zero padding adds a border of zeros around the input so that the output keeps its width and edge pixels count"),
            ("stride", "a stride of two moves the kernel two pixels at a time, which downsamples the output without any pooling layer"),
            ("dropout", "dropout switches off random neurons during training, so no unit relies on another and overfitting falls"),
            ("batch normalisation", "batch normalisation rescales each channel by the mean and variance of the mini-batch, which steadies training"),
            ("transfer learning", "transfer learning starts from weights pretrained on ImageNet and fine-tunes the last layers on a small dataset"),
            ("data augmentation", "data augmentation flips, crops and rotates the training images, which multiplies the examples cheaply"),
            ("residual blocks", "residual blocks add a shortcut that carries the input past two layers, so gradients reach the early layers"),
        ];
        var questions = answers.Select(a => new QuestionText($"What is {a.Topic}?",
            $"In convolutional neural networks (CNNs), {a.Says}. Deep CNN architectures such as ResNet combine it with the other " +
            "choices of their designers, and each of those choices changes the accuracy, the cost and the memory that the trained model needs.")).ToList();
        static bool NamesCnn(Keyword k) => k.Phrase.Contains("convolutional", StringComparison.OrdinalIgnoreCase) || k.Alternatives.Any(a => a.StartsWith("CNN", StringComparison.Ordinal));
        Assert.All(new KeywordExtractor().Extract(questions), keywords => Assert.DoesNotContain(keywords, NamesCnn));
        // With fewer answers, a term most of them say is not yet the assignment's subject.
        Assert.Contains(new KeywordExtractor().Extract(questions[..2])[0], NamesCnn);
    }

    [Fact]
    public void TheOneSubjectOfAQuestionIsNotAKeyword()
    {
        const string answer = "Photosynthesis turns light energy into chemical energy: chlorophyll in the chloroplasts absorbs light, water is " +
            "split and releases oxygen, and the Calvin cycle fixes carbon dioxide into glucose using the ATP and NADPH the light reactions made.";
        Assert.DoesNotContain("Photosynthesis", PhrasesOf("What is photosynthesis, and why does it matter?", answer), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void AWholeTermTakesThePlaceOfItsOverlappingParts()
    {
        const string answer = "The client sends a SYN segment with its initial sequence number. The server answers with a SYN-ACK that " +
            "acknowledges the client's number and carries its own initial sequence number. The client then sends an ACK, and the " +
            "connection is established in both directions.";
        var phrases = PhrasesOf("What happens during the TCP three-way handshake?", answer);
        Assert.Contains("initial sequence number", phrases);
        Assert.DoesNotContain(phrases, p => p is "initial sequence" or "sequence number");
    }

    [Fact]
    public void ACompoundTakesThePlaceOfItsWordChosenAloneThoughItsHeadIsTaken()
    {
        const string answer = "Igneous rock forms when magma cools: intrusive igneous rock cools slowly underground and grows large " +
            "crystals, while extrusive igneous rock cools fast at the surface. Sedimentary rock forms from layers of sediment pressed " +
            "together over time. Metamorphic rock forms when heat and pressure change an older rock.";
        var phrases = PhrasesOf("Describe the kinds of rock.", answer);
        Assert.Contains("sedimentary rock", phrases);
        Assert.Contains("metamorphic rock", phrases);
        Assert.DoesNotContain(phrases, p => p is "sedimentary" or "metamorphic");
    }

    [Fact]
    public void ACompoundWhoseWordsOtherKeywordsSayApartIsAKeywordToo()
    {
        var conditioning = DocumentKeywords("psychology")[0].Select(k => k.Phrase).ToList();
        Assert.Contains("conditioned stimulus", conditioning);
        Assert.Contains("unconditioned response", conditioning);
        Assert.Contains("conditioned response", conditioning);
    }

    [Fact]
    public void ANameIsAKeywordWithoutTheGeneralWordSaidAfterIt()
    {
        // "Mask R-CNN is an extension of the Faster R-CNN model ...", in an assignment where most answers say "model".
        var maskRcnn = Seed.Keywords[23].Select(k => k.Phrase).ToList();
        Assert.Contains("Faster R-CNN", maskRcnn);
        Assert.DoesNotContain("Faster R-CNN model", maskRcnn);
    }

    [Fact]
    public void APartOfANameSaidOnlyInsideItIsNoKeywordBesideIt()
    {
        // "- Synthetic Minority Over-sampling Technique (SMOTE): SMOTE generates ...": a response naming SMOTE earned the
        // name and missed "Minority Over-sampling Technique"; one spelling out the name earned both.
        var imbalance = Seed.Keywords[16];
        Assert.Contains(imbalance, k => k.Phrase == "Synthetic Minority Over-sampling Technique" && k.Alternatives.Contains("SMOTE"));
        Assert.DoesNotContain(imbalance, k => k.Phrase.Contains("Over-sampling", StringComparison.Ordinal) && !k.Alternatives.Contains("SMOTE"));
        // Said apart as well ("over-sampling the minority class, ... or SMOTE"), the part stays a keyword.
        Assert.Contains(Seed.Keywords[46], k => k.Phrase == "over-sampling");
    }

    [Fact]
    public void AWordAlwaysSaidWithTheQuestionsHeadIsKeptWithIt()
    {
        const string answer = "In the volcanic phase, magma erupts and cools into basalt. In the weathering phase, rain, frost and plant " +
            "roots break the rock into grains, which rivers carry to the sea as sediment. In the burial phase, the layers are " +
            "compacted and cemented into sandstone or shale, which heat and pressure may later turn into slate or marble.";
        var phrases = PhrasesOf("What are the phases of the rock cycle?", answer);
        Assert.Contains("volcanic phase", phrases);
        Assert.DoesNotContain("volcanic", phrases);
    }

    [Fact]
    public void AWordSaidOnlyInTwoCompoundsIsKeptInBoth()
    {
        // "current" is said in every answer of this document, so "alternating", said twice, outranked both its compounds.
        var transformer = DocumentKeywords("physics")[5].Select(k => k.Phrase).ToList();
        Assert.Contains("alternating current", transformer);
        Assert.Contains("alternating voltage", transformer);
        Assert.DoesNotContain("alternating", transformer);
        // Not the part of a longer term: "convolutional" is said in "convolutional layers" and "Convolutional Neural Networks".
        Assert.DoesNotContain(Seed.Keywords[4], k => k.Phrase.Equals("convolutional neural", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void APhraseIsNotCutBeforeTheFieldsTopicThatEndsIt()
    {
        // "current" is said in every answer of this document, so "rectify alternating" outranked the whole phrase.
        var semiconductors = DocumentKeywords("physics")[6].Select(k => k.Phrase).ToList();
        Assert.Contains("rectify alternating current", semiconductors);
        Assert.DoesNotContain("rectify alternating", semiconductors);
    }

    [Fact]
    public void ALongAnswerHasNoWordOfAnyExplanationAloneForAKeyword()
    {
        // "The fluid mosaic model describes how these parts move", "... for applications that need every byte".
        Assert.DoesNotContain(DocumentKeywords("biology")[1], k => k.Phrase == "parts");
        Assert.DoesNotContain(DocumentKeywords("networking")[5], k => k.Phrase == "applications");
        Assert.DoesNotContain(DocumentKeywords("databases")[1], k => k.Phrase == "others");
    }

    [Fact]
    public void AShortAnswerHasNoWordTheQuestionAsksWithForAKeyword()
    {
        // "What is a market failure? Give examples." answered in 20 words ("Examples are externalities such as pollution,
        // ..."): the answer keeps every other word, but "examples" says only what the question asked for.
        var keywords = DocumentKeywords("economics")[4];
        Assert.Contains(keywords, k => k.Phrase == "externalities");
        Assert.DoesNotContain(keywords, k => k.Phrase == "examples");
        // Where the question does not ask for them, they are what the answer gives.
        Assert.Contains(PhrasesOf("Which energy sources are renewable?", "Solar and wind are examples; coal is not renewable."), p => p == "examples");
    }

    [Fact]
    public void AMonthIsWhenSomethingHappenedAndAPossessiveNameIsItsName()
    {
        // "the assassination of Archduke Franz Ferdinand in Sarajevo in June 1914, after which Austria-Hungary's
        // ultimatum ...": "June", capitalised, had ranked as a name and "Sarajevo in June" took the slot of
        // "assassination"; the name was kept with its possessive.
        var keywords = DocumentKeywords("history")[0].Select(k => k.Phrase).ToList();
        Assert.DoesNotContain(keywords, p => p.Contains("June", StringComparison.Ordinal));
        Assert.Contains("assassination", keywords);
        Assert.Contains("Austria-Hungary", keywords);
        Assert.DoesNotContain("Austria-Hungary's", keywords);
    }

    [Fact]
    public void ALongAnswerDoesNotTakeThePeopleItSpeaksOfForKeywords()
    {
        // "Cognitive behavioural therapy helps patients identify ...", "children use symbols": whom the answer is about,
        // not what it says of them.
        var keywords = DocumentKeywords("psychology");
        Assert.DoesNotContain(keywords[2], k => k.Phrase == "patients");
        Assert.DoesNotContain(keywords[4], k => k.Phrase == "children");
        Assert.DoesNotContain(DocumentKeywords("history")[0], k => k.Phrase == "historians");
    }

    [Fact]
    public void AnAnswerOfMoreThanTwentyWordsHasNoAdverbForAKeyword()
    {
        // Ranked by the model, "even" ("total output rises and both gain, even when one has an absolute advantage") was one.
        var keywords = DocumentKeywords("economics", SharedEncoder.Encoder);
        Assert.Contains(keywords[5], k => k.Phrase == "absolute advantage");
        Assert.DoesNotContain(keywords[5], k => k.Phrase == "even");
    }

    [Fact]
    public void AnAnswerOfMoreThanTwentyWordsHasNoVerbForAKeyword()
    {
        // "The client sends a SYN segment ... a SYN-ACK that acknowledges the client's number and carries its own initial
        // sequence number": "sends" and "carries" were two of its keywords, verbs no instructor would list.
        var keywords = DocumentKeywords("networking", SharedEncoder.Encoder);
        Assert.Contains(keywords[0], k => k.Phrase == "SYN segment");
        Assert.DoesNotContain(keywords[0], k => k.Phrase is "sends" or "carries");
    }

    [Fact]
    public void AnAnswerOfMoreThanTwentyWordsKeepsNounPhrasesSaidOnce()
    {
        const string answer = "Glucose is split in glycolysis in the cytoplasm. The Krebs cycle then runs in the mitochondrial matrix and " +
            "passes electrons to the electron transport chain, which drives ATP synthase, so the cell makes most of its ATP by oxidative phosphorylation.";
        var phrases = PhrasesOf("How does a cell make energy?", answer);
        Assert.All(new[] { "Krebs cycle", "electron transport chain", "oxidative phosphorylation" }, term => Assert.Contains(term, phrases));
    }

    [Fact]
    public void ALongAnswerKeepsTheNounsAfterAVerbItDenies()
    {
        const string answer = "Promissory estoppel stops a promisor from going back on a promise not to enforce strict legal rights when the " +
            "promisee has relied on it and it would be inequitable. It is a shield, not a sword: it cannot found a cause of action, " +
            "and it usually suspends rights rather than extinguishing them.";
        var phrases = PhrasesOf("What does the doctrine of promissory estoppel do?", answer);
        Assert.All(new[] { "strict legal rights", "cause of action" }, term => Assert.Contains(term, phrases));
        Assert.DoesNotContain(phrases, p => p.StartsWith("found", StringComparison.Ordinal) || p.StartsWith("enforce", StringComparison.Ordinal));
    }

    [Fact]
    public void AShortAnswerLeavesOutWhatFollowsAVerbItDenies()
    {
        // Every word of a short answer is a keyword: "color" alone would credit "salt changes the color" with it.
        var phrases = PhrasesOf("What happens to the water when salt dissolves?", "Salt does not change the color of the water.");
        Assert.DoesNotContain("color", phrases, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The assignment documents of other fields in Extraction/, by name.</summary>
    public static TheoryData<string> Documents => ["networking", "biology", "history", "economics", "law", "databases", "psychology", "physics"];

    /// <summary>The questions and model answers of a document in Extraction/.</summary>
    internal static List<QuestionText> DocumentQuestions(string name) => Seed.QuestionsOf($"tests/QuizPlatform.Grading.Tests/Extraction/{name}.md");

    private static IReadOnlyList<IReadOnlyList<Keyword>> DocumentKeywords(string name, ITokenEncoder? encoder = null) =>
        new KeywordExtractor { Encoder = encoder }.Extract(DocumentQuestions(name));

    private static List<string> PhrasesOf(string prompt, string answer) =>
        [.. new KeywordExtractor().Extract([new QuestionText(prompt, answer)])[0].Select(k => k.Phrase)];
}
