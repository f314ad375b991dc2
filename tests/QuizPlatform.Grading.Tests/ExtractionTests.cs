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
    // A listed verb's -ing form takes an object, even after a preposition; a subject's -ing form is a noun.
    [InlineData("It helps by adding random noise.", "adding", "Verb")]
    [InlineData("Pooling shrinks the maps.", "pooling", "Noun")]
    // Adverbs, "-ly" words and the prepositions the stop list leaves in never name a thing.
    [InlineData("The locks are held forever.", "forever", "Other")]
    [InlineData("It converges slowly.", "slowly", "Other")]
    [InlineData("Hosts behind NAT are hidden.", "behind", "Other")]
    [InlineData("The family of protocols.", "family", "Noun")]
    // Adjectives, listed or by their ending, describe.
    [InlineData("A large dataset helps.", "large", "Modifier")]
    [InlineData("The membrane is selectively permeable.", "permeable", "Modifier")]
    public void WordsAreClassifiedInContext(string sentence, string word, string expected)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        var index = tokens.FindIndex(t => t.Term.Folded == word);
        Assert.Equal(Enum.Parse<WordClass>(expected), WordClasses.Classify(tokens)[index]);
    }

    [Theory]
    [InlineData("Writes go to stable storage before the commit.", "stable storage", true)]
    [InlineData("The client picks an initial sequence number.", "initial sequence number", true)]
    [InlineData("Optimistic concurrency control assumes few conflicts.", "concurrency control assumes", false)]
    [InlineData("Hosts behind NAT cannot accept connections.", "hosts behind NAT", false)]
    [InlineData("The data are large.", "large", false)]
    [InlineData("Deadlock happens when transactions wait.", "deadlock happens", false)]
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
}
