using System.Text.Json;
using System.Text.Json.Serialization;
using QuizPlatform.Data.Entities;
using QuizPlatform.Importing;

namespace QuizPlatform.Data.Assignments;

/// <summary>
/// What happened to a document: <c>Created</c> (new title), <c>Updated</c> (new version), <c>Unchanged</c> (same
/// content hash as a stored version), <c>Invalid</c> (errors, nothing stored) or <c>Valid</c> (a clean document checked
/// without the database, as <c>quiz import --dry-run</c> does). An <see cref="ImportPlan"/> says which one an import will be.
/// </summary>
[JsonConverter(typeof(ImportStatusJsonConverter))]
public enum ImportStatus { Created, Updated, Unchanged, Invalid, Valid }

/// <summary>
/// The one way an import status is named outside the code, in JSON and in logs: kebab-case (<c>created</c>,
/// <c>unchanged</c>), so a renamed or added status is spelled by the same rule everywhere.
/// </summary>
public sealed class ImportStatusJsonConverter() : JsonStringEnumConverter<ImportStatus>(Naming)
{
    static readonly JsonNamingPolicy Naming = JsonNamingPolicy.KebabCaseLower;

    public static string NameOf(ImportStatus status) => Naming.ConvertName(status.ToString());
}

public sealed record ImportedKeyword(
    string Phrase, IReadOnlyList<string> Alternatives, double Weight, bool Required, KeywordOrigin Origin);

/// <summary>A question as stored (or to be stored): <see cref="DefaultPoints"/> carries over from the version before.</summary>
public sealed record ImportedQuestion(
    int Number, string Prompt, string ModelAnswer, IReadOnlyList<ImportedKeyword> Keywords, double DefaultPoints = 1);

/// <summary>
/// The outcome of an import or preview. For stored documents <see cref="Version"/> and the ids name the version
/// the document now corresponds to, and <see cref="Questions"/> are as stored (keywords included).
/// </summary>
public sealed record ImportResult(
    string FileName,
    ImportStatus Status,
    string? Title,
    int? Version,
    int? AssignmentId,
    int? AssignmentVersionId,
    string ContentHash,
    IReadOnlyList<ImportedQuestion> Questions,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Status != ImportStatus.Invalid;

    /// <summary>Diagnostics the way compilers print them: <c>file:line: message</c> (warnings say so).</summary>
    public IEnumerable<string> DiagnosticLines => Diagnostics.Select(d =>
        $"{FileName}:{d.Line}: {(d.Severity == Severity.Warning ? "warning: " : "")}{d.Message}");
}
