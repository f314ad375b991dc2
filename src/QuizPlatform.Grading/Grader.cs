using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading;

/// <summary>
/// Grades free-text responses by keyword coverage and, given the question's <see cref="KeyMeaning"/> and the encoded
/// response, by meaning (see <see cref="MeaningGrader"/> for batches). Thread-safe and deterministic: reuse one
/// instance, compile each question's keywords once with <see cref="Compile"/>, then call <see cref="Grade"/> for
/// every response. The one place scores are computed.
/// </summary>
public sealed class Grader(GradingOptions? options = null)
{
    /// <summary>Stored with every grade. Bump whenever a change can alter a score, a match or a flag.</summary>
    public const string Version = "1.15.0";

    [ThreadStatic] private static ResponseWords? scratch;

    public GradingOptions Options { get; } = options ?? new GradingOptions();

    public GradingKey Compile(string prompt, IReadOnlyList<Keyword> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        return new GradingKey(prompt ?? "", keywords, Options);
    }

    /// <exception cref="ResponseTooLongException">The response is longer than <see cref="GradingOptions.MaxResponseChars"/>.</exception>
    /// <param name="among">The quiz's questions, this one's key among them: a response that fits another clearly better is flagged.</param>
    public GradeResult Grade(GradingKey key, string response, double points = 1, QuestionSet? among = null) =>
        Grade(key, response, points, null, null, among);

    /// <summary>
    /// Grades with the meaning pass: <paramref name="meaning"/> is the question's (see <see cref="KeyMeaning.Build"/>),
    /// <paramref name="encodedResponse"/> the response encoded by the same model (<see cref="MeaningText.Encode"/>).
    /// </summary>
    public GradeResult Grade(GradingKey key, string response, double points, KeyMeaning? meaning, MeaningText? encodedResponse,
        QuestionSet? among = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        response ??= "";
        if (response.Length > Options.MaxResponseChars) throw new ResponseTooLongException(response.Length, Options.MaxResponseChars);
        if (string.IsNullOrWhiteSpace(response))
            return new GradeResult(0, points, 0, Array.ConvertAll(key.Compiled, k => k.Missing), GradeFlags.Empty, Version);

        var words = scratch ??= new ResponseWords();
        words.Read(response, key, Options);
        var matches = new KeywordMatch[key.Compiled.Length];
        for (var k = 0; k < matches.Length; k++) matches[k] = words.Find(key.Compiled[k], Options);
        var withMeaning = meaning is not null && encodedResponse is not null;
        if (withMeaning) MeaningPass.MatchKeywords(matches, meaning!, encodedResponse!, words, Options);

        double matchedWeight = 0;
        var flags = words.Style(Options);
        // A response that restates the question earns nothing for keywords that are themselves in the question.
        var copies = flags.HasFlag(GradeFlags.CopiesPrompt);
        for (var k = 0; k < matches.Length; k++)
        {
            var match = matches[k];
            var credit = match.How == MatchKind.Meaning ? Options.MeaningMatchCredit : 1;
            if (match.Matched && !(copies && key.Compiled[k].InPrompt)) matchedWeight += credit * Math.Max(0, match.Keyword.Weight);
            else if (match.Negated) flags |= GradeFlags.Negated;
            if (!match.Matched && match.Keyword.Required) flags |= GradeFlags.RequiredMissing;
        }
        if (key.TotalWeight <= 0) flags |= GradeFlags.NeedsReview;
        var padding = words.Padding(matches);
        if (padding is not null) flags |= GradeFlags.KeywordPadding | GradeFlags.NeedsReview;
        var other = among?.BetterFit(key, words.Canons(), Options);
        if (other is not null) flags |= GradeFlags.OtherQuestion | GradeFlags.NeedsReview;

        var coverage = key.TotalWeight > 0 ? Math.Min(1, matchedWeight / key.TotalWeight) : 0;
        var combined = coverage;
        double? recall = null;
        int? closestReferenceAnswer = null, closestReference = null;
        // Keyword-only grading keeps its allocations: a basis list only with the meaning pass.
        List<string>? basis = null;
        if (withMeaning)
        {
            (var best, closestReferenceAnswer, closestReference) = MeaningPass.Recall(meaning!, encodedResponse!, Options);
            recall = best;
            combined = MeaningPass.Combine(coverage, best, Options);
            basis = [GradeBasis.Keywords, GradeBasis.Meaning];
            if (meaning!.ReferenceAnswers.Count > 0) basis.Add(GradeBasis.ReferenceAnswers(meaning.ReferenceAnswers.Count));
            if (meaning.References.Count > 0) basis.Add(GradeBasis.References(meaning.References.Count));
        }
        var share = Options.FullMarksCoverage > 0 ? Math.Min(1, combined / Options.FullMarksCoverage) : 1;
        var calibration = withMeaning ? meaning!.Calibration : null;
        if (calibration is not null)
        {
            share = calibration.Apply(share);
            basis!.Add(GradeBasis.Calibration(calibration.Marks));
        }
        if (flags.HasFlag(GradeFlags.RequiredMissing)) share = Math.Min(share, Options.RequiredMissingCap);
        if (flags.HasFlag(GradeFlags.KeywordList)) share = Math.Min(share, Options.StuffingCap);
        if (padding is not null) share = Math.Min(share, Options.PaddingCap);
        if (other is not null) share = Math.Min(share, Options.OtherQuestionCap);
        var result = new GradeResult(Math.Round(points * share, 4), points, Math.Round(coverage, 4), matches, flags, Version)
        {
            Padding = padding, OtherQuestion = other,
        };
        return basis is null ? result : result with
        {
            SoftRecall = Math.Round(recall!.Value, 4), ClosestReferenceAnswer = closestReferenceAnswer, ClosestReference = closestReference,
            Calibration = calibration, Basis = basis,
        };
    }
}
