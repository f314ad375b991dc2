namespace QuizPlatform.Grading;

/// <summary>
/// The scoring curve and its caps. Score = points × min(1, coverage / FullMarksCoverage), then capped by the
/// flags below. See docs/grading.md for how the defaults were chosen.
/// </summary>
public sealed record GradingOptions
{
    /// <summary>Longer responses are refused with <see cref="ResponseTooLongException"/>.</summary>
    public int MaxResponseChars { get; init; } = 10_000;

    /// <summary>Coverage (weighted share of keywords found) that earns full marks.</summary>
    public double FullMarksCoverage { get; init; } = 0.7;

    /// <summary>Highest share of the points when a required keyword is missing.</summary>
    public double RequiredMissingCap { get; init; } = 0.5;

    /// <summary>Highest share of the points for a bare keyword list or repeated words (also flagged needs-review).</summary>
    public double StuffingCap { get; init; } = 0.5;

    /// <summary>
    /// Highest share of the points for keywords padded into filler sentences ("the kernel is in it and the stride is
    /// in it"; also flagged needs-review). Lower than <see cref="StuffingCap"/>: it is what a student does after
    /// reading the missing keywords, and the harvest-and-pad attack must not earn more than a quarter.
    /// </summary>
    public double PaddingCap { get; init; } = 0.25;

    /// <summary>
    /// Share of a response's content words taken from the question above which it counts as a copy: keywords that
    /// are themselves words of the question then earn nothing.
    /// </summary>
    public double CopiedPromptShare { get; init; } = 0.9;

    /// <summary>
    /// Share of the question's distinct content words a response must reproduce to count as a copy (together with
    /// <see cref="CopiedPromptShare"/>), so a short answer naming one option of a long scenario is not one.
    /// </summary>
    public double CopiedPromptCoverage { get; init; } = 0.5;

    /// <summary>
    /// Lowest share of another question's keywords (<see cref="GradingKey.Fit"/>) at which a response can read as an
    /// answer to it (<see cref="QuestionSet"/>, <see cref="GradeFlags.OtherQuestion"/>).
    /// </summary>
    public double OtherQuestionFit { get; init; } = 0.4;

    /// <summary>Fewest of another question's keywords such a response has: a few shared terms say nothing.</summary>
    public int OtherQuestionKeywords { get; init; } = 5;

    /// <summary>How much more of another question's keywords than of its own such a response has.</summary>
    public double OtherQuestionMargin { get; init; } = 0.3;

    /// <summary>
    /// Highest share of the points for a response that reads as an answer to another question (also flagged for
    /// review): a marker gives it nothing, and on the dev set the cap moved no AUC (docs/grading.md).
    /// </summary>
    public double OtherQuestionCap { get; init; } = 0.25;

    /// <summary>Shortest word given typo tolerance (one edit; two from <see cref="TwoTyposLength"/>). Acronyms never.</summary>
    public int TypoMinLength { get; init; } = 6;

    public int TwoTyposLength { get; init; } = 9;

    /// <summary>Words allowed between the words of a multi-word keyword ("region based proposal network").</summary>
    public int PhraseGap { get; init; } = 2;

    /// <summary>How many words before a keyword a "not", "no", "never", "without" negates it (within the clause).</summary>
    public int NegationWindow { get; init; } = 3;

    // The meaning pass (docs/grading.md, "Meaning"): tuned on eval/scientsbank-train.jsonl, checked leave-one-module-out.

    /// <summary>Lowest similarity, in context, at which a response's words match a keyword by meaning.</summary>
    public double MeaningMatchThreshold { get; init; } = 0.75;

    /// <summary>Share of a keyword's weight earned when it is matched by meaning rather than by spelling.</summary>
    public double MeaningMatchCredit { get; init; } = 1.0;

    /// <summary>Weight of the soft recall against keyword coverage in the combined coverage (0: keywords alone).</summary>
    public double SoftRecallWeight { get; init; } = 0.7;

    /// <summary>Soft recall at or below which it adds nothing (below any real answer's level).</summary>
    public double SoftRecallFloor { get; init; } = 0.3;

    /// <summary>Soft recall at which it counts in full (1: only the model answer itself).</summary>
    public double SoftRecallFull { get; init; } = 1.0;

    /// <summary>Weight in the soft recall of a model-answer word that is also a word of the question (others weigh 1).</summary>
    public double QuestionWordWeight { get; init; } = Meaning.SoftRecall.QuestionWordWeight;
}
