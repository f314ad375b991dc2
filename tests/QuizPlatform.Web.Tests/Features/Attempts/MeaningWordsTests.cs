using Bunit;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.StudentResults;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>How a grade made with the meaning pass reads: its basis, and a keyword matched by meaning.</summary>
public sealed class MeaningWordsTests : BunitContext
{
    [Theory]
    [InlineData(true, "", "Scored by keywords; the meaning check is still running.")]
    [InlineData(false, "", "Scored by keywords.")]
    [InlineData(false, "keywords", "Scored by keywords.")]
    [InlineData(false, "keywords|meaning", "Scored by keywords and meaning.")]
    [InlineData(false, "keywords|meaning|references: 1", "Scored by keywords and meaning, also compared with an answer your instructor marked correct.")]
    [InlineData(false, "keywords|meaning|references: 3|calibration: 5 marks",
        "Scored by keywords and meaning, also compared with 3 answers your instructor marked correct; calibrated on 5 of your instructor's marks.")]
    public void TheBasisSaysWhichScoreIsShown(bool pending, string basis, string expected)
    {
        var explanation = new GradeExplanation("", [], []) { Basis = basis.Split('|', StringSplitOptions.RemoveEmptyEntries) };

        Assert.Equal(expected, FeedbackWords.Basis(explanation, pending));
    }

    [Fact]
    public void TheInstructorReadsTheirOwnMarks() =>
        Assert.Equal("Scored by keywords and meaning, also compared with 2 answers you marked correct; calibrated on 1,200 of your marks.",
            FeedbackWords.Basis(new GradeExplanation("", [], []) { Basis = ["keywords", "meaning", "references: 2", "calibration: 1200 marks"] },
                meaningPending: false, toInstructor: true));

    [Fact]
    public void AKeywordMatchedByAnAlternativeSaysSoNotThatItWasASynonym()
    {
        // "SMOTE" for "Synthetic Minority Over-sampling Technique", "pretrained model" for "transfer learning": an
        // instructor's alternatives are seldom synonyms, and the grader finds them as it finds the built-in synonyms.
        var keyword = new ExplainedKeyword("Synthetic Minority Over-sampling Technique", 3, false, true, MatchKind.Synonym, false, [new ExplainedSpan(9, 5)]);

        Assert.Equal("\"Synthetic Minority Over-sampling Technique\", an accepted alternative", FeedbackWords.Match(keyword, "It takes SMOTE."));
    }

    [Fact]
    public void AKeywordMatchedByMeaningMarksItsSpanAndSaysHowCloseItIs()
    {
        const string answer = "It learns small kernels that find edges.";
        ExplainedKeyword[] keywords =
        [
            new("filters", 1, false, true, MatchKind.Meaning, false, [new ExplainedSpan(16, 7)]) { Similarity = 0.784 },
            new("edges", 1, false, true, MatchKind.Exact, false, [new ExplainedSpan(34, 5)]),
        ];

        var marks = Render<HighlightedAnswer>(p => p.Add(a => a.Text, answer).Add(a => a.Keywords, keywords)).FindAll("mark");

        Assert.Equal(["kernels", "edges"], marks.Select(m => m.FirstChild!.TextContent));
        // The screen reader has just read "kernels": it hears which keyword that stands for, not "keyword kernels".
        Assert.Equal("kernels (keyword \"filters\", close in meaning, 0.78)", marks[0].TextContent);
        Assert.Equal("\"kernels\" ~ \"filters\" (close in meaning, 0.78)", marks[0].GetAttribute("title"));
        Assert.Equal("edges (keyword \"edges\", exact match)", marks[1].TextContent);
    }
}
