namespace QuizPlatform.Grading.Tests;

/// <summary>
/// The harvest-and-pad attack: a student reads the missing keywords after a first attempt and pads each into a
/// throwaway sentence. Every shape must be capped at <see cref="GradingOptions.PaddingCap"/> and flagged for review;
/// honest answers, long or short, must not be.
/// </summary>
public class PaddingTests
{
    const string Template = "repeat a filler template", Thin = "carry that one keyword and nothing else", LowVariety = "different words used",
        Strung = "keywords are strung together";

    public static TheoryData<int, string, string> Attacks()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var question in new[] { 1, 3, 7, 16, 38 })
        {
            var keys = Seed.Keywords[question - 1].Select(k => k.Phrase).ToList();
            // The issue's attack: one template joined by "and".
            data.Add(question, string.Join(" and ", keys.Select(k => $"the {k} is in it")) + ".", Template);
            // Templates taking turns, one sentence each.
            string[] rotating = ["The {0} is in it.", "It has {0} too.", "There is {0} here."];
            data.Add(question, string.Join(" ", keys.Select((k, i) => string.Format(rotating[i % 3], k))), Template);
            // One keyword per sentence, each with a different throwaway word.
            string[] thin = ["{0} matters.", "Then {0}.", "{0} helps.", "Also {0} counts.", "Consider {0}.", "{0} is key."];
            data.Add(question, string.Join(" ", keys.Select((k, i) => string.Format(thin[i % thin.Length], k))), Thin);
            // Two keywords a clause in word salad: no template repeats, but the same few words surround them all.
            string[] salad = ["the {0} is in the {1}", "in it the {0} is the {1}", "it is the {0} in the {1}", "the {0} is it in the {1}",
                "in the {0} it is the {1}", "it is in the {0} the {1}", "the {0} in it is the {1}", "is it the {0} in the {1}"];
            data.Add(question, string.Join(", ", keys.Chunk(2).Select((p, i) => string.Format(salad[i], p[0], p.Length > 1 ? p[1] : "it"))) + ".", LowVariety);
            // Keywords strung in one run on an article: no clause to compare, and no list without function words.
            data.Add(question, string.Join(" ", keys.Select(k => $"the {k}")) + ".", Strung);
            data.Add(question, string.Join(" ", keys.Select((k, i) => $"{(i % 2 == 0 ? "the" : "of the")} {k}")) + ".", Strung);
            // A list dressed up as a sentence.
            data.Add(question, $"In this case {string.Join(", ", keys.SkipLast(1))} and {keys[^1]} are all used.", Thin);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void PaddedKeywordsAreCappedAndFlagged(int question, string response, string evidence)
    {
        var result = Seed.Grade(question, response);
        Assert.True(result.Flags.HasFlag(GradeFlags.KeywordPadding | GradeFlags.NeedsReview), result.Summary);
        Assert.True(result.Score <= 0.25, result.Summary);
        Assert.Contains("keyword-padding", result.FlagNames);
        Assert.Contains("padded into filler sentences", result.Summary);
        Assert.Contains(evidence, result.Padding);
    }

    [Fact]
    public void TheIssuesExampleIsCappedAtAQuarter()
    {
        Keyword[] keys = [new("convolution", [], 1), new("kernel", [], 1), new("stride", [], 1), new("padding", [], 1)];
        var key = Seed.Grader.Compile("How does a convolutional layer process an image?", keys);
        var result = Seed.Grader.Grade(key,
            "The convolution is in it and the kernel is in it and the stride is in it and the padding is in it.", points: 4);
        Assert.Equal(1.0, result.Coverage);
        Assert.Equal(4 * Seed.Grader.Options.PaddingCap, result.Score);
        Assert.Contains("such as \"The convolution is in it\"", result.Summary);
    }

    [Theory]
    // Honest, long: every keyword with something said about it.
    [InlineData(16, "Max pooling keeps the strongest activation in each window, which makes the network tolerant of small shifts. "
        + "Average pooling smooths the map by taking the mean, and global average pooling collapses each feature map to a single "
        + "value before the classifier, replacing large fully connected layers and cutting parameters.")]
    // A term repeated on purpose, each time with a new point.
    [InlineData(16, "Pooling shrinks the feature maps. Pooling also adds some translation invariance. Pooling has no weights to learn, "
        + "and max pooling keeps the strongest response while average pooling keeps the mean.")]
    // Headings with what they introduce.
    [InlineData(16, "- Max pooling: keeps the largest value in a window.\n- Average pooling: takes the mean of the window.\n"
        + "- Global pooling: reduces each map to one number.\n- Translation invariance: small shifts leave the output alone.")]
    [InlineData(16, "Max pooling (the largest value), average pooling (the mean), global pooling (one number per map) and "
        + "translation invariance (small shifts change little) are what pooling gives.")]
    // Short and correct.
    [InlineData(16, "Max pooling keeps the peak, average pooling the mean.")]
    [InlineData(3, "A pre-trained model brings knowledge from a large dataset, so with limited labeled data training time is reduced.")]
    public void HonestAnswersAreNotPadding(int question, string response)
    {
        var result = Seed.Grade(question, response);
        Assert.False(result.Flags.HasFlag(GradeFlags.KeywordPadding), result.Summary);
    }

    /// <summary>
    /// Enumerations an honest answer makes, each item a clause of one keyword. The model answer in a student's words:
    /// its closing enumeration is 4 of its 5 clauses with a keyword (a comma fewer than the model answer), but only 4 of
    /// its 9 keywords. The answer's second half alone: four things named, all of its keywords, but four is an answer.
    /// Six symptoms of fourteen keywords: an enumeration of part of the key, where padding pads what it lacks.
    /// </summary>
    [Theory]
    [InlineData("economics", 2, "A price ceiling set below the equilibrium price creates a shortage because quantity demanded exceeds "
        + "quantity supplied. It causes queues, black markets and a deadweight loss, as with rent control.")]
    [InlineData("economics", 2, "It leads to queues, black markets and a deadweight loss; rent control is an example.")]
    [InlineData("psychology", 7, "Others include changes in sleep and appetite, fatigue, feelings of worthlessness or guilt, poor concentration "
        + "and thoughts of suicide.")]
    public void AnHonestEnumerationIsNotPadding(string document, int question, string response)
    {
        var questions = ExtractionTests.DocumentQuestions(document);
        var key = Seed.Grader.Compile(questions[question - 1].Prompt, new KeywordExtractor().Extract(questions)[question - 1]);

        var result = Seed.Grader.Grade(key, response);

        Assert.False(result.Flags.HasFlag(GradeFlags.KeywordPadding), result.Summary);
    }

    /// <summary>A comparison in one run of keywords is how a short answer says its point (SciEntsBank's markers called these correct).</summary>
    [Theory]
    [InlineData("The longer the string the lower the pitch.")]
    [InlineData("The shorter the string the more swings the longer the string the less the swings.")]
    [InlineData("A shorter string makes a higher pitch and a longer string makes a lower pitch.")]
    public void AComparisonInOneRunIsNotPadding(string response)
    {
        Keyword[] keys = [new("shorter", [], 1), new("longer", [], 1), new("string", [], 1), new("higher", [], 1), new("lower", [], 1),
            new("pitch", [], 1), new("swings", [], 1), new("less", [], 1)];
        var key = Seed.Grader.Compile("How does the length of a string change its sound and its swings?", keys);

        var result = Seed.Grader.Grade(key, response);

        Assert.False(result.Flags.HasFlag(GradeFlags.KeywordPadding), result.Summary);
    }

    [Theory]
    [MemberData(nameof(ScoringTests.SeedQuestionNumbers), MemberType = typeof(ScoringTests))]
    public void NoModelAnswerOfTheSeedIsPadding(int question)
    {
        var result = Seed.Grade(question, Seed.Question(question).ModelAnswer);
        Assert.False(result.Flags.HasFlag(GradeFlags.KeywordPadding), $"Q{question}: {result.Summary}");
    }

    /// <summary>
    /// Honest partial answers: each sentence of a model answer alone, and the model answer with one sentence left out,
    /// graded with its own keywords, on the seed and the nine documents. None reads as padding.
    /// </summary>
    [Theory]
    [InlineData("seed")]
    [MemberData(nameof(ExtractionTests.Documents), MemberType = typeof(ExtractionTests))]
    public void NoPartOfAModelAnswerIsPadding(string document)
    {
        var questions = document == "seed" ? Seed.Questions : ExtractionTests.DocumentQuestions(document);
        var keywords = document == "seed" ? Seed.Keywords : new KeywordExtractor().Extract(questions);
        for (var q = 0; q < questions.Count; q++)
        {
            var key = Seed.Grader.Compile(questions[q].Prompt, keywords[q]);
            var sentences = System.Text.RegularExpressions.Regex.Split(questions[q].ModelAnswer, @"(?<=[.;!?])\s+|\n+").Where(s => s.Trim().Length > 0).ToList();
            var parts = sentences.Concat(sentences.Select((_, left) => string.Join(" ", sentences.Where((_, k) => k != left))));
            foreach (var part in parts)
                Assert.False(Seed.Grader.Grade(key, part).Flags.HasFlag(GradeFlags.KeywordPadding), $"{document} {q + 1}: {part}");
        }
    }

    /// <summary>A student who writes the model answer word for word gets full marks from its extracted keywords, in any field.</summary>
    [Theory]
    [MemberData(nameof(ExtractionTests.Documents), MemberType = typeof(ExtractionTests))]
    public void EveryModelAnswerEarnsFullMarksFromItsOwnKeywords(string document)
    {
        var questions = ExtractionTests.DocumentQuestions(document);
        var keywords = new KeywordExtractor().Extract(questions);
        for (var q = 0; q < questions.Count; q++)
        {
            var result = Seed.Grader.Grade(Seed.Grader.Compile(questions[q].Prompt, keywords[q]), questions[q].ModelAnswer);
            Assert.True(result.Score == 1, $"{document} {q + 1}: {result.Summary}");
        }
    }
}
