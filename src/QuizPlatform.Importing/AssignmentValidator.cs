namespace QuizPlatform.Importing;

/// <summary>The content rules: a title, unique numbers, one non-empty answer per question, and the warnings.</summary>
internal sealed class AssignmentValidator(ImportOptions options, List<Diagnostic> diagnostics)
{
    /// <summary>The assignment, or null when the structure breaks a rule (the reasons are in the diagnostics).</summary>
    public ParsedAssignment? Validate(AssignmentStructure structure)
    {
        if (string.IsNullOrWhiteSpace(structure.Title))
            Report(1, Severity.Error, "The document has no title: start it with a heading such as \"# Assignment-8\".");

        CheckNumbering(structure.Blocks.SelectMany(b => b.Questions).ToList());
        var questions = new List<ParsedQuestion>();
        foreach (var block in structure.Blocks)
        {
            for (var i = 0; i < block.Questions.Count; i++)
            {
                var question = block.Questions[i];
                var answer = block.Answers[i];
                if (question.Prompt.Length == 0)
                    Report(question.Line, Severity.Error, $"Question {question.Number} has an empty prompt.");
                if (answer is null)
                    Report(question.Line, Severity.Error, $"Question {question.Number} has no model answer in the Solution block that follows it (line {block.SolutionLine}).");
                else
                {
                    CheckAnswer(answer);
                    questions.Add(new ParsedQuestion(question.Number, question.Prompt, answer.Text, question.Line, answer.Line));
                }
            }
        }
        return diagnostics.Any(d => d.Severity == Severity.Error) ? null : new ParsedAssignment(structure.Title!, questions);
    }

    /// <summary>Numbers must be unique across the document; a jump in the sequence is only worth a warning.</summary>
    private void CheckNumbering(List<QuestionDraft> questions)
    {
        var firstLines = new Dictionary<int, int>();
        QuestionDraft? previous = null;
        foreach (var question in questions)
        {
            if (!firstLines.TryAdd(question.Number, question.Line))
            {
                Report(question.Line, Severity.Error, $"Question {question.Number} appears more than once (lines {firstLines[question.Number]} and {question.Line}); question numbers must be unique across the document.");
                continue;
            }
            if (previous is not null && question.Number > previous.Number + 1)
            {
                var missing = question.Number == previous.Number + 2 ? $"question {previous.Number + 1} is" : $"questions {previous.Number + 1}-{question.Number - 1} are";
                Report(question.Line, Severity.Warning, $"Question numbering jumps from {previous.Number} to {question.Number} (line {question.Line}): {missing} missing.");
            }
            previous = question;
        }
    }

    private void CheckAnswer(AnswerDraft answer)
    {
        var words = answer.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (words == 0)
            Report(answer.Line, Severity.Error, $"Model answer {answer.Number} is empty.");
        else if (words < options.MinAnswerWords)
            Report(answer.Line, Severity.Warning, $"Model answer {answer.Number} has only {words} word{(words == 1 ? "" : "s")}; answers are graded against it, so it should say more.");
    }

    private void Report(int line, Severity severity, string message) => diagnostics.Add(new Diagnostic(line, severity, message));
}
