namespace QuizPlatform.Web.Features.Taking;

/// <summary>One question of an attempt: <see cref="Prompt"/> is Markdown; <see cref="Version"/> is 0 until the first save.</summary>
public sealed record SheetQuestion(
    int QuestionId, int Position, int Number, string Prompt, double Points, string Text, int Version, DateTime? SavedAt);
