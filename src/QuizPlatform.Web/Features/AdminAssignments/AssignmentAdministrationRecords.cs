using QuizPlatform.Data.Assignments;
using QuizPlatform.Importing;

namespace QuizPlatform.Web.Features.AdminAssignments;

/// <summary>What confirming would do: <c>New</c> (a new title), <c>NewVersion</c>, <c>Unchanged</c> (a stored version has this exact content) or <c>Invalid</c>.</summary>
public enum PreviewStatus { Invalid, New, NewVersion, Unchanged }

/// <summary>A diagnostic with the offending line's text, so the admin sees what to fix without opening the file.</summary>
public sealed record DiagnosticLine(int Line, Severity Severity, string Message, string Text);

/// <summary>
/// The preview of a document. <see cref="Version"/> is the version an import would create (<c>New</c>,
/// <c>NewVersion</c>) or the stored one it matches (<c>Unchanged</c>); <see cref="Changes"/> compares the document
/// with the latest stored version and is null for a new title.
/// </summary>
public sealed record AssignmentPreview(
    string FileName,
    PreviewStatus Status,
    string? Title,
    int? Version,
    IReadOnlyList<ImportedQuestion> Questions,
    VersionChanges? Changes,
    IReadOnlyList<DiagnosticLine> Diagnostics)
{
    public bool CanImport => Status is PreviewStatus.New or PreviewStatus.NewVersion;
}

public sealed record VersionSummary(int Version, string SourceFileName, int QuestionCount, DateTime ImportedAt, string? ImportedBy);

/// <summary>An assignment and its versions, newest first.</summary>
public sealed record AssignmentSummary(int Id, string Title, IReadOnlyList<VersionSummary> Versions)
{
    public VersionSummary Latest => Versions[0];
}

public sealed record ExportedDocument(string FileName, string Markdown);
