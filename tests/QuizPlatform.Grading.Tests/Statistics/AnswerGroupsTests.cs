using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Grading.Tests.Statistics;

public class AnswerGroupsTests
{
    static GroupableAnswer Answer(int id, string text, double score = 1, string? hits = "e-", GradeFlags flags = GradeFlags.None,
        bool overridden = false) => new(id, text, score, hits, flags, overridden);

    [Theory]
    [InlineData("Edges, Filters!", "edges filters")]
    [InlineData("  edges\n\tfilters  ", "edges filters")]
    [InlineData("EDGES - filters.", "edges filters")]
    [InlineData("It's ReLU (max 0, x)", "its relu max 0 x")]
    [InlineData("Größe", "größe")]
    [InlineData("...", "")]
    [InlineData("", "")]
    public void NormalisedTextFoldsCaseWhitespaceAndPunctuation(string text, string expected) =>
        Assert.Equal(expected, AnswerGroups.NormalisedText(text));

    [Fact]
    public void TextGroupsJoinAnswersThatDifferOnlyInCaseSpacingAndPunctuation()
    {
        var groups = AnswerGroups.Of([
            Answer(1, "Edges and filters."), Answer(2, "edges AND filters", 2), Answer(3, "Weights"),
            Answer(4, "edges  and filters!", 0.5), Answer(5, "weights."), Answer(6, "Something else")], AnswerGrouping.Text);

        Assert.Equal(["edges and filters", "weights", "something else"], groups.Select(g => g.Key));
        Assert.Equal([3, 2, 1], groups.Select(g => g.Size));
        var first = groups[0];
        Assert.Equal([1, 2, 4], first.Answers.Select(a => a.GradeId).Order());
        Assert.Equal((0.5, 2.0), (first.Scores.Lowest, first.Scores.Highest));
        Assert.Equal(3.5 / 3, first.Scores.Mean, 12);
    }

    [Fact]
    public void KeywordGroupsShareMatchedKeywordsAndFlagsWhateverTheWording()
    {
        var groups = AnswerGroups.Of([
            Answer(1, "Filters.", hits: "e-"), Answer(2, "Filter maps.", hits: "s-"), Answer(3, "Edges and filters.", hits: "ee"),
            Answer(4, "Filters, no edges.", hits: "en", flags: GradeFlags.Negated), Answer(5, "filters", hits: "e-", flags: GradeFlags.NeedsReview),
            Answer(6, "Old grade.", hits: null)], AnswerGrouping.Keywords);

        var keys = groups.ToDictionary(g => g.Key, g => g.Answers.Select(a => a.GradeId).Order().ToArray());
        Assert.Equal([1, 2], keys["+-|None"]);
        Assert.Equal([3], keys["++|None"]);
        Assert.Equal([4], keys["+n|Negated"]);
        Assert.Equal([5], keys["+-|NeedsReview"]);
        Assert.Equal([6], keys["?|None"]);
        Assert.Equal("+-|None", groups[0].Key);
        var (matched, negated) = AnswerGroups.KeywordsOf("+n|Negated");
        Assert.Equal([0], matched);
        Assert.Equal([1], negated);
    }

    [Fact]
    public void RepresentativeIsTheMostFrequentWordingThenTheShortest()
    {
        var groups = AnswerGroups.Of([
            Answer(1, "A long answer about filters."), Answer(2, "Filters."), Answer(3, "filters"), Answer(4, "filters"),
            Answer(5, "Filter maps!")], AnswerGrouping.Keywords);

        var group = Assert.Single(groups);
        Assert.Equal(3, group.Representative.GradeId);
        Assert.Equal([3, 1, 2, 4, 5], group.Answers.Select(a => a.GradeId));

        var pair = Assert.Single(AnswerGroups.Of([Answer(1, "A longer one."), Answer(2, "Short.")], AnswerGrouping.Keywords));
        Assert.Equal(2, pair.Representative.GradeId);
    }

    [Fact]
    public void CountsTheOverriddenAnswersOfAGroup()
    {
        var group = Assert.Single(AnswerGroups.Of([
            Answer(1, "x", overridden: true), Answer(2, "X"), Answer(3, "x!", overridden: true)], AnswerGrouping.Text));

        Assert.Equal(2, group.Overridden);
    }

    [Fact]
    public void OrderIsStableForGroupsOfTheSameSize()
    {
        GroupableAnswer[] answers = [Answer(1, "b"), Answer(2, "a"), Answer(3, "c")];

        Assert.Equal(["a", "b", "c"], AnswerGroups.Of(answers, AnswerGrouping.Text).Select(g => g.Key));
        Assert.Equal(["a", "b", "c"], AnswerGroups.Of([.. answers.Reverse()], AnswerGrouping.Text).Select(g => g.Key));
        Assert.Empty(AnswerGroups.Of([], AnswerGrouping.Text));
    }
}
