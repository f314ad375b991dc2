using QuizPlatform.Cli.Grading;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Json;

/// <summary>
/// One input line of <c>quiz grade</c> and <c>quiz evaluate</c> (read by <c>GradeRequestReader</c>). The snake_case
/// names of the SciEntsBank evaluation set (<c>model_answer</c>, <c>label_2way</c>) are accepted beside the
/// camelCase ones.
/// </summary>
public sealed class GradeRequest
{
    public string? Id { get; set; }
    public string? Question { get; set; }
    public string? ModelAnswer { get; set; }
    public string? ModelAnswerSnakeCase { get; set; }
    public string? Response { get; set; }
    public List<KeywordLine>? Keywords { get; set; }
    public double? Points { get; set; }

    /// <summary>Other correct answers beside the model answer (the evaluation set's <c>reference_answers</c>); read by the meaning pass.</summary>
    public List<string>? ReferenceAnswers { get; set; }

    /// <summary>Lines with the same assignment are one quiz's questions (<c>quiz grade --among-assignment</c>).</summary>
    public string? Assignment { get; set; }

    // Human marks, read by `quiz evaluate` only.
    public double? HumanScore { get; set; }
    public string? HumanLabel { get; set; }
    public string? Label2Way { get; set; }

    public string? EffectiveModelAnswer => ModelAnswer ?? ModelAnswerSnakeCase;

    /// <summary>The compiled key, when an earlier line had the same question, model answer and keywords.</summary>
    public GradingKey? Key { get; set; }

    /// <summary>The raw tokens that identify this line's key, to remember it by once compiled.</summary>
    public RawKeyIdentity? RawKey { get; set; }
}

/// <summary>An output line for a line that could not be graded; processing goes on with the next line.</summary>
public sealed record GradeError(string? Id, int Line, string Error);
