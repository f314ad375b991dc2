using QuizPlatform.Data.Assignments;
using QuizPlatform.Importing;

namespace QuizPlatform.Web.Features.AdminAssignments;

/// <summary>A diagnostic with the offending line's text, so the admin sees what to fix without opening the file.</summary>
public sealed record DiagnosticLine(int Line, Severity Severity, string Message, string Text);

/// <summary>What importing the document would do (<see cref="ImportPlan"/>), with its diagnostics' line text.</summary>
public sealed record AssignmentPreview(string FileName, ImportPlan Plan, IReadOnlyList<DiagnosticLine> Diagnostics);

public sealed record VersionSummary(int Version, string SourceFileName, int QuestionCount, DateTime ImportedAt, string? ImportedBy);

/// <summary>An assignment and its versions, newest first.</summary>
public sealed record AssignmentSummary(int Id, string Title, IReadOnlyList<VersionSummary> Versions)
{
    public VersionSummary Latest => Versions[0];
}

public sealed record ExportedDocument(string FileName, string Markdown);
