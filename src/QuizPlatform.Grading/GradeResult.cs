using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace QuizPlatform.Grading;

/// <summary>How a keyword was found in a response, from strongest to weakest evidence.</summary>
[JsonConverter(typeof(WireEnumConverter<MatchKind>))]
public enum MatchKind { Exact, Stem, Synonym, Acronym, Typo, Meaning }

/// <summary>A stretch of the original response string, in UTF-16 code units, ready for highlighting.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Why a grade was capped or needs a person's look; written one flag at a time (see <see cref="GradeResult.FlagList"/>).</summary>
[Flags, JsonConverter(typeof(WireEnumConverter<GradeFlags>))]
public enum GradeFlags
{
    None = 0,
    /// <summary>Empty or whitespace only: scored 0.</summary>
    Empty = 1,
    /// <summary>Mostly restates the question: keywords found in the question earn nothing (see <see cref="GradingOptions.CopiedPromptShare"/>).</summary>
    CopiesPrompt = 2,
    /// <summary>Keywords without sentences (a bare list): capped by <see cref="GradingOptions.StuffingCap"/>.</summary>
    KeywordList = 4,
    /// <summary>The same words repeated over and over, capped by <see cref="GradingOptions.StuffingCap"/>: set by graders up to 1.10.0 only.</summary>
    Repetition = 8,
    /// <summary>A keyword appears only in a negated statement ("does not reduce overfitting") and earned nothing.</summary>
    Negated = 16,
    /// <summary>A required keyword is missing: capped by <see cref="GradingOptions.RequiredMissingCap"/>.</summary>
    RequiredMissing = 32,
    /// <summary>A person should look at this grade before it counts.</summary>
    NeedsReview = 64,
    /// <summary>Keywords padded into filler sentences, one per throwaway clause: capped by <see cref="GradingOptions.PaddingCap"/>.</summary>
    KeywordPadding = 128,
    /// <summary>The response fits another question of the quiz clearly better than its own (see <see cref="QuestionSet"/>).</summary>
    OtherQuestion = 256,
}

/// <summary>One keyword of the key and what the response did with it.</summary>
public sealed record KeywordMatch(Keyword Keyword, bool Matched, MatchKind? How, IReadOnlyList<TextSpan> Spans, bool Negated = false)
{
    /// <summary>With <see cref="MatchKind.Meaning"/>: the cosine similarity of the keyword and the span, in context.</summary>
    public double? Similarity { get; init; }
}

/// <summary>
/// A grade with its explanation: every keyword matched or missing, where and how it matched, and the flags that
/// capped the score. <see cref="Score"/> runs from 0 to <see cref="Points"/>.
/// </summary>
public sealed record GradeResult(
    double Score, double Points, double Coverage, IReadOnlyList<KeywordMatch> Keywords, GradeFlags Flags, string GraderVersion)
{
    /// <summary>With <see cref="GradeFlags.KeywordPadding"/>: what gave the padding away, for the instructor.</summary>
    public string? Padding { get; init; }

    /// <summary>With <see cref="GradeFlags.OtherQuestion"/>: the question it reads as an answer to.</summary>
    public OtherQuestionFit? OtherQuestion { get; init; }

    /// <summary>With the meaning pass: how much of the model answer (or the closest reference answer or answer marked correct) the response recalls.</summary>
    public double? SoftRecall { get; init; }

    /// <summary>
    /// With reference answers given beside the model answer: the one the response recalls best, when it recalls it
    /// better than the model answer and any marked answer (index into the question's <c>KeyMeaning.ReferenceAnswers</c>).
    /// </summary>
    public int? ClosestReferenceAnswer { get; init; }

    /// <summary>
    /// With references learnt from marks: the one the response recalls best, when it recalls it better than the model
    /// answer (index into the question's <c>KeyMeaning.References</c>); its soft recall is <see cref="SoftRecall"/>.
    /// </summary>
    public int? ClosestReference { get; init; }

    /// <summary>The question's offset learnt from the instructor's marks, when the score used one.</summary>
    public Meaning.Calibration? Calibration { get; init; }

    /// <summary>What the score used: "keywords", "meaning", "references: 3", "calibration: 5 marks".</summary>
    public IReadOnlyList<string> Basis { get; init; } = KeywordsOnly;

    private static readonly IReadOnlyList<string> KeywordsOnly = [GradeBasis.Keywords];

    public IEnumerable<KeywordMatch> Matched => Keywords.Where(k => k.Matched);
    public IEnumerable<KeywordMatch> Missing => Keywords.Where(k => !k.Matched);

    /// <summary>The flags one by one, in a fixed order (their <see cref="WireNames"/> are "needs-review", "copies-prompt", ...).</summary>
    public IReadOnlyList<GradeFlags> FlagList => FlagListOf(Flags);

    public static IReadOnlyList<GradeFlags> FlagListOf(GradeFlags flags) =>
        Enum.GetValues<GradeFlags>().Where(f => f != GradeFlags.None && flags.HasFlag(f)).ToList();

    /// <summary>The flags' wire names, in the same order.</summary>
    public IReadOnlyList<string> FlagNames => FlagNamesOf(Flags);

    public static IReadOnlyList<string> FlagNamesOf(GradeFlags flags) => [.. FlagListOf(flags).Select(WireNames.Of)];

    /// <summary>A sentence or two a student or instructor can read.</summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            text.Append(inv, $"Score {Score:0.##}/{Points:0.##}, coverage {Coverage:0%}. ");
            if (Flags.HasFlag(GradeFlags.Empty)) return text.Append("The answer is empty.").ToString();
            var matched = Matched.Select(m => m.How switch
            {
                MatchKind.Exact or MatchKind.Stem or null => m.Keyword.Phrase,
                MatchKind.Meaning => string.Create(inv, $"{m.Keyword.Phrase} (meaning, {m.Similarity:0.00})"),
                var how => $"{m.Keyword.Phrase} ({WireNames.Of(how.Value)})",
            }).ToList();
            var missing = Missing.Select(m => m.Negated ? $"{m.Keyword.Phrase} (negated)" : m.Keyword.Phrase).ToList();
            text.Append(matched.Count == 0 ? "No keyword found. " : $"Found: {string.Join(", ", matched)}. ");
            if (missing.Count > 0) text.Append("Missing: ").Append(string.Join(", ", missing)).Append(". ");
            if (Flags.HasFlag(GradeFlags.CopiesPrompt)) text.Append("The answer mostly restates the question. ");
            if (Flags.HasFlag(GradeFlags.KeywordList)) text.Append("The answer is a list of words rather than sentences. ");
            if (Flags.HasFlag(GradeFlags.Repetition)) text.Append("The answer repeats the same words. ");
            if (Flags.HasFlag(GradeFlags.KeywordPadding))
                text.Append("The keywords are padded into filler sentences that say nothing about them (")
                    .Append(Padding ?? "one keyword per throwaway clause").Append("), so the score is capped. ");
            if (OtherQuestion is { } other)
                text.Append(inv, $"The answer reads as an answer to question {other.Question}: it has {other.Fit:0%} of that question's keywords and {other.OwnFit:0%} of this one's. ");
            if (ClosestReferenceAnswer is { } answer) text.Append(inv, $"Close to reference answer {answer + 1}. ");
            if (ClosestReference is not null) text.Append("Close to an answer you marked correct. ");
            if (Calibration is { } calibration && Math.Abs(calibration.Shift) >= 0.005)
                text.Append(inv, $"{calibration.Shift:+0%;-0%} of the points for this question, learnt from {GradeBasis.Marks(calibration.Marks)}. ");
            if (Flags.HasFlag(GradeFlags.RequiredMissing)) text.Append("A required keyword is missing. ");
            if (Flags.HasFlag(GradeFlags.NeedsReview)) text.Append("Needs review by the instructor.");
            return text.ToString().TrimEnd();
        }
    }
}

/// <summary>Thrown for a response longer than <see cref="GradingOptions.MaxResponseChars"/>: grading never truncates.</summary>
public sealed class ResponseTooLongException(int length, int limit)
    : ArgumentException(string.Create(CultureInfo.InvariantCulture,
        $"The response is {length} characters long; the limit is {limit} (GradingOptions.MaxResponseChars). It was not graded."))
{
    public int Length { get; } = length;
    public int Limit { get; } = limit;
}
