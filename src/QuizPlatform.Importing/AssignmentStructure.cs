namespace QuizPlatform.Importing;

/// <summary>What the document says, before the content rules are checked. Lines are 1-based.</summary>
internal sealed record AssignmentStructure(string? Title, IReadOnlyList<QuestionBlock> Blocks);

/// <summary>A numbered list of questions and, aligned by position, the answers its Solution block gave (null: none).</summary>
internal sealed record QuestionBlock(IReadOnlyList<QuestionDraft> Questions, IReadOnlyList<AnswerDraft?> Answers, int SolutionLine);

internal sealed record QuestionDraft(int Number, string Prompt, int Line);

internal sealed record AnswerDraft(int Number, string Text, int Line);
