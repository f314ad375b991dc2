using System.Text.Json.Serialization;

namespace QuizPlatform.Cli.Json;

/// <summary>
/// One input line of <c>quiz grade</c> and <c>quiz evaluate</c>. The snake_case names of the SciEntsBank evaluation
/// set (<c>model_answer</c>, <c>label_2way</c>) are accepted beside the camelCase ones.
/// </summary>
public sealed class GradeRequest
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }
    public string? Question { get; set; }
    public string? ModelAnswer { get; set; }
    [JsonPropertyName("model_answer")]
    public string? ModelAnswerSnakeCase { get; set; }
    public string? Response { get; set; }
    public List<KeywordLine>? Keywords { get; set; }
    public double? Points { get; set; }

    // Human marks, read by `quiz evaluate` only.
    public double? HumanScore { get; set; }
    public string? HumanLabel { get; set; }
    [JsonPropertyName("label_2way")]
    public string? Label2Way { get; set; }

    [JsonIgnore]
    public string? EffectiveModelAnswer => ModelAnswer ?? ModelAnswerSnakeCase;
}

/// <summary>An output line for a line that could not be graded; processing goes on with the next line.</summary>
public sealed record GradeError(string? Id, int Line, string Error);
