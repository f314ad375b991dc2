namespace QuizPlatform.Grading.Tests;

/// <summary>Each scoring rule, on responses written for the seed's questions.</summary>
public class ScoringTests
{
    private static readonly Keyword[] PoolingKeys =
    [
        new("max pooling", [], 1), new("average pooling", [], 1), new("global pooling", [], 1), new("translation invariance", [], 1),
    ];

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t \r\n")]
    public void EmptyOrWhitespaceScoresZero(string response)
    {
        var result = Seed.Grade(16, response);
        Assert.Equal((0.0, GradeFlags.Empty), (result.Score, result.Flags));
        Assert.All(result.Keywords, k => Assert.False(k.Matched));
    }

    [Theory]
    [InlineData(10_000, 10_001)]
    [InlineData(50, 51)]
    public void OversizedResponsesAreRefusedNotTruncated(int limit, int length)
    {
        var grader = new Grader(new GradingOptions { MaxResponseChars = limit });
        var key = grader.Compile(Seed.Question(16).Prompt, Seed.Keywords[15]);
        var error = Assert.Throws<ResponseTooLongException>(() => grader.Grade(key, new string('a', length)));
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Equal(1, grader.Grade(key, new string('a', limit)).Points); // at the limit it is graded
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(38)]
    [InlineData(48)]
    public void CopyingThePromptScoresNearZero(int question)
    {
        var result = Seed.Grade(question, Seed.Question(question).Prompt);
        Assert.True(result.Score <= 0.1, result.Summary);
    }

    [Theory]
    [InlineData(16, ", ")]
    [InlineData(4, "\n")]
    [InlineData(12, " ")]
    public void BareKeywordListsAreFlaggedAndCapped(int question, string separator)
    {
        var response = string.Join(separator, Seed.Keywords[question - 1].Select(k => k.Phrase));
        var result = Seed.Grade(question, response);
        Assert.True(result.Flags.HasFlag(GradeFlags.KeywordList | GradeFlags.NeedsReview), result.Summary);
        Assert.True(result.Score <= Seed.Grader.Options.StuffingCap, result.Summary);
        Assert.Contains("needs-review", result.FlagNames);
    }

    [Theory]
    [InlineData("convolution kernel filter pooling stride padding relu softmax backpropagation")]
    [InlineData("convolution, kernel, filter, pooling, stride, padding")]
    [InlineData("- convolution\n- kernel\n- filter\n- pooling\n- stride\n- padding")]
    [InlineData("convolution kernel filter pooling stride and padding")] // one "and" is a list's, not a sentence's
    [InlineData("filters edges weights kernels pooling layers")] // plurals after plurals are nouns
    [InlineData("weights updates gradients biases inputs outputs")] // so is a verb's "-s" form after a plural
    [InlineData("pretrained weights, fully connected layers, labeled data, feature maps")] // "-ed" words that describe
    [InlineData("feature maps pooling layers activation functions dropout batch normalization")] // noun after noun, not a verb
    [InlineData("Faster R-CNN, YOLO, SSD, region proposals, anchor boxes, non-maximum suppression")] // nothing after "proposals"
    [InlineData("Convolution filters kernels edges layers features features.")] // no verb has five nouns for its object
    // A plural that reads as a verb by chance ("layers filters" as "the membrane pumps protons") in a run no clause reaches.
    [InlineData("convolutional layers filters kernels input images patterns backpropagation edges corners shapes textures hierarchical representations")]
    public void ListsOfTermsAreFlaggedAndCapped(string response)
    {
        var result = Seed.Grade(1, response);
        Assert.True(result.Flags.HasFlag(GradeFlags.KeywordList), result.Summary);
        Assert.True(result.Score <= Seed.Grader.Options.StuffingCap, result.Summary);
    }

    [Fact]
    public void AListBuriedInProseIsStillAList()
    {
        const string prose = "The weather today is quite pleasant and I went for a walk in the park with my friend who likes football. ";
        var list = string.Join(" ", Seed.Keywords[0].Select(k => k.Phrase));
        var result = Seed.Grade(1, prose + prose + list + ". " + prose + prose);
        Assert.True(result.Flags.HasFlag(GradeFlags.KeywordList), result.Summary);
        Assert.True(result.Score <= Seed.Grader.Options.StuffingCap, result.Summary);
    }

    [Theory]
    [InlineData("Convolutional layers extract features using learned kernels and filters; pooling reduces spatial size.")] // the demo's
    [InlineData("ReLU avoids vanishing gradients; dropout reduces overfitting.")] // a listed verb after its subject
    [InlineData("Kernels detect edges, deeper layers combine shapes.")] // an unlisted verb between subject and object
    [InlineData("Overfitting hurts validation accuracy badly; it memorises training set noise.")] // an "-s" word after a pronoun
    [InlineData("Augmentation randomly flips, crops and rotates training images.")] // after an "-ly" adverb
    [InlineData("Historians usually name four causes: militarism, alliances, imperialism and nationalism.")] // a base form after a plural and an adverb
    [InlineData("20 grams plus 10 grams equals 30 grams.")] // numbers are no terms a list would stuff
    // Bullets flattened onto one line (Mohler's data): a spaced hyphen is a dash, and a hyphenated word one word.
    [InlineData("Both are based on a control statement - Iteration-repetition structure - Recursion-selection structure "
        + "Both involve repetition -Iteration-explicitly uses repetition structure -Recursion-repeated function calls")]
    // Notes in the model answer's own heading style, an "-s" verb before a gerund (walking an economics quiz: capped as a list).
    [InlineData("Interest rates: raising the policy rate slows spending. Open market operations: selling government bonds. "
        + "Reserve requirements. Quantitative tightening and forward guidance.")]
    public void TerseSentencesAreNotKeywordLists(string response)
    {
        var result = Seed.Grade(1, response);
        Assert.False(result.Flags.HasFlag(GradeFlags.KeywordList), result.Summary);
    }

    [Fact]
    public void ATerseSentenceCoveringItsKeywordsEarnsFullMarks()
    {
        Keyword[] keys = [new("convolutional layers", [], 1), new("kernels", [], 1), new("pooling", [], 1), new("spatial size", [], 1)];
        var key = Seed.Grader.Compile(Seed.Question(1).Prompt, keys);
        var result = Seed.Grader.Grade(key, "Convolutional layers extract features using learned kernels and filters; pooling reduces spatial size.", 2);
        Assert.Equal(2, result.Score);
    }

    [Fact]
    public void RepeatedKeywordsStrungTogetherAreCappedAsPadding()
    {
        var key = Seed.Grader.Compile(Seed.Question(16).Prompt, PoolingKeys);
        var result = Seed.Grader.Grade(key,
            "It is max pooling and max pooling and average pooling and average pooling and global pooling and translation invariance and max pooling.");
        Assert.True(result.Flags.HasFlag(GradeFlags.KeywordPadding | GradeFlags.NeedsReview), result.Summary);
        Assert.True(result.Score <= Seed.Grader.Options.PaddingCap, result.Summary);
    }

    [Fact]
    public void AnAnswerThatNamesItsSubjectAgainAndAgainIsNotCapped()
    {
        // Saying a word many times earns a keyword once, so repetition games nothing; real answers repeat their
        // subject (1.10.0 capped this one at half the points as "repeats the same words").
        Keyword[] keys = [new("do...while", [], 1), new("at least once", [], 1), new("condition", [], 1), new("while loop", [], 1)];
        var key = Seed.Grader.Compile("What is the main difference between a while and a do...while statement?", keys);
        var result = Seed.Grader.Grade(key,
            "A while loop checks its condition before the loop body, so a while loop may never run; a do...while loop runs its loop body at least once.", 2);
        Assert.Equal(2, result.Score);
        Assert.False(result.Flags.HasFlag(GradeFlags.NeedsReview), result.Summary);
    }

    [Theory]
    [InlineData("Max pooling keeps the largest value in each window.", 0.25, 0.7143)]
    [InlineData("Max pooling keeps the peak, average pooling the mean.", 0.5, 1.4286)]
    [InlineData("Max pooling and average pooling summarise regions, and global pooling gives one value per map.", 0.75, 2.0)]
    [InlineData("The layers learn filters from data.", 0.0, 0.0)]
    public void ScoreFollowsTheCoverageCurve(string response, double coverage, double score)
    {
        var key = Seed.Grader.Compile(Seed.Question(16).Prompt, PoolingKeys);
        var result = Seed.Grader.Grade(key, response, points: 2);
        Assert.Equal((coverage, score), (result.Coverage, result.Score));
    }

    private const string ScenarioPrompt =
        "A team trains ResNet and VGG on the same images with the same budget and augmentation; ResNet reaches the higher "
        + "validation accuracy after ten epochs. Which network generalises better here, and what is the evidence?";

    [Theory]
    [InlineData("ResNet generalises better: higher validation accuracy.", false)]
    [InlineData("A team trains ResNet and VGG on the same images with the same budget and augmentation; which network generalises better?", true)]
    public void OnlyAResponseReproducingMuchOfTheQuestionCountsAsACopy(string response, bool copy)
    {
        Keyword[] keys = [new("ResNet", [], 1), new("higher validation accuracy", [], 1)];
        var result = Seed.Grader.Grade(Seed.Grader.Compile(ScenarioPrompt, keys), response);
        Assert.Equal(copy, result.Flags.HasFlag(GradeFlags.CopiesPrompt));
    }

    [Fact]
    public void MissingARequiredKeywordCapsTheScore()
    {
        Keyword[] keys = [.. PoolingKeys[..3], PoolingKeys[3] with { Required = true }];
        var key = Seed.Grader.Compile(Seed.Question(16).Prompt, keys);
        var result = Seed.Grader.Grade(key, "Max pooling keeps the peak, average pooling the mean and global pooling one value per map.", 4);
        Assert.True(result.Flags.HasFlag(GradeFlags.RequiredMissing));
        Assert.Equal(4 * Seed.Grader.Options.RequiredMissingCap, result.Score);
    }

    [Theory]
    [MemberData(nameof(SeedQuestionNumbers))]
    public void ModelAnswerEarnsFullMarksAgainstItsOwnKeywords(int question)
    {
        var result = Seed.Grade(question, Seed.Question(question).ModelAnswer);
        Assert.True(result.Score == 1, $"Q{question}: {result.Summary}");
    }

    public static TheoryData<int> SeedQuestionNumbers() => new(Enumerable.Range(1, 50));

    [Fact]
    public void SameInputGivesSameOutputAcrossThreads()
    {
        string Render(int q, string response)
        {
            var r = Seed.Grade(q, response);
            return $"{r.Score}|{r.Coverage}|{r.Flags}|{r.Summary}|" +
                   string.Join(";", r.Keywords.Select(k => $"{k.Keyword.Phrase}:{k.How}:{string.Join(",", k.Spans)}"));
        }
        var inputs = Enumerable.Range(1, 50)
            .SelectMany(q => new[] { (q, Seed.Question(q).ModelAnswer), (q, Seed.Question(q).Prompt), (q, Seed.Question((q % 50) + 1).ModelAnswer) })
            .ToArray();
        var expected = inputs.Select(i => Render(i.q, i.Item2)).ToArray();
        var parallel = new string[inputs.Length * 4];
        Parallel.For(0, parallel.Length, i => parallel[i] = Render(inputs[i % inputs.Length].q, inputs[i % inputs.Length].Item2));
        for (var i = 0; i < parallel.Length; i++) Assert.Equal(expected[i % inputs.Length], parallel[i]);
        var again = new KeywordExtractor().Extract(Seed.Questions);
        Assert.Equal(Golden.Render(Seed.Keywords), Golden.Render(again));
    }
}
