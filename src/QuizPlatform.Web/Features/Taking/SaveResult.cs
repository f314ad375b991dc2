namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// The server's answer to a save. <see cref="Message"/> is a sentence for the student when the save was refused.
/// <see cref="SavedAt"/> and <see cref="Version"/> describe the stored answer after the call.
/// </summary>
public sealed record SaveResult(SaveStatus Status, int Version, DateTime? SavedAt, string? Text, string? Message);
