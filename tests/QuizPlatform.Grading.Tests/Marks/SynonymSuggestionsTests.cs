using QuizPlatform.Grading.Marks;

namespace QuizPlatform.Grading.Tests.Marks;

/// <summary>
/// A question on transfer learning whose key lacks "pretrained": the instructor raised the answers that say
/// "pretrained" instead, and left low (as the grader did) answers that say neither.
/// </summary>
public class SynonymSuggestionsTests
{
    static readonly Grader Grader = new();

    static readonly GradingKey Key = Grader.Compile("How can a small data set still train a good image classifier?",
        [new Keyword("transfer learning", [], 2), new Keyword("fine-tuning", ["fine tune"], 1)]);

    static HumanMark Raised(string text) => new(text, 1);
    static HumanMark Low(string text) => new(text, 0);

    static readonly HumanMark[] Marks =
    [
        Raised("Start from a pretrained network and fine-tune it."),
        Raised("Use pretrained weights, then fine tune the last layers."),
        Raised("Take a pretrained model from ImageNet and fine-tune it on the new images."),
        Raised("Weights pretrained on a big corpus, fine-tuned on ours."),
        Low("Collect more images and hope."),
        Low("Augment the images with random flips."),
        Low("Use dropout so the weights do not overfit."),
        Low("Train longer with a smaller learning rate."),
    ];

    [Fact]
    public void SuggestsAPhraseOfRaisedAnswersForTheKeywordTheyMiss()
    {
        var suggestion = Assert.Single(SynonymSuggestions.Mine(Grader, Key, Marks));

        Assert.Equal("pretrained", suggestion.Phrase);
        Assert.Equal("transfer learning", suggestion.Keyword.Phrase);
        Assert.Equal((4, 4, 0), (suggestion.Raised, suggestion.MissingKeyword, suggestion.Low));
    }

    [Fact]
    public void NeedsThreeRaisedAnswers()
    {
        Assert.Empty(SynonymSuggestions.Mine(Grader, Key, [.. Marks.Where(m => m.Share == 0), .. Marks.Where(m => m.Share == 1).Take(2)]));
    }

    [Fact]
    public void LeavesOutPhrasesCommonInAnswersRightlyLeftLow()
    {
        HumanMark[] lowWithIt = [Low("A pretrained guess."), Low("Pretrained, maybe."), Low("Pretrained data.")];

        Assert.Empty(SynonymSuggestions.Mine(Grader, Key, [.. Marks, .. lowWithIt]));
    }

    [Fact]
    public void LeavesOutWordsOfTheQuestionAndOfTheKey()
    {
        // "images" and "data" are the question's; "learning" and "tune" the key's: only "pretrained" is new.
        var suggestions = SynonymSuggestions.Mine(Grader, Key,
            [.. Marks, Raised("Pretrained image data learning."), Raised("Images, data, learning, pretrained.")]);

        Assert.Equal(["pretrained"], suggestions.Select(s => s.Phrase));
    }

    [Fact]
    public void AnswersTheGraderAlreadyAgreesWithAreNotRaised()
    {
        var matched = Marks.Select(m => m.Share == 1 ? m with { Response = m.Response + " It is transfer learning." } : m).ToList();

        Assert.Empty(SynonymSuggestions.Mine(Grader, Key, matched));
    }

    [Fact]
    public void AnAlternativeAlreadyInTheKeyIsNotSuggestedAgain()
    {
        var widened = Grader.Compile(Key.Prompt, [Key.Keywords[0] with { Alternatives = ["pretrained"] }, Key.Keywords[1]]);

        Assert.Empty(SynonymSuggestions.Mine(Grader, widened, Marks));
    }

    [Fact]
    public void APhraseGoesWithTheKeywordItsAnswersMissMoreThanOtherRaisedAnswersDo()
    {
        // Every raised answer misses "frozen backbone", the heavier keyword; only those that say "pretrained" miss
        // "transfer learning" too: "pretrained" stands for the second.
        var key = Grader.Compile(Key.Prompt, [new Keyword("transfer learning", [], 1), new Keyword("frozen backbone", [], 3)]);
        HumanMark[] marks =
        [
            .. Marks.Where(m => m.Share == 1), Raised("It is transfer learning from ImageNet."), Raised("Transfer learning, with care."),
            .. Marks.Where(m => m.Share == 0),
        ];

        var suggestion = Assert.Single(SynonymSuggestions.Mine(Grader, key, marks), s => s.Phrase == "pretrained");

        Assert.Equal("transfer learning", suggestion.Keyword.Phrase);
    }

    [Fact]
    public void APhraseOfSeveralWordsIsKeptWhole()
    {
        HumanMark[] marks =
        [
            Raised("Reuse a backbone network trained elsewhere."), Raised("A backbone network does most of it."),
            Raised("Borrow the backbone network, fine tune the head."), Low("Train from scratch."), Low("More epochs."),
        ];

        var suggestion = Assert.Single(SynonymSuggestions.Mine(Grader, Key, marks));

        Assert.Equal("backbone network", suggestion.Phrase);
    }
}
