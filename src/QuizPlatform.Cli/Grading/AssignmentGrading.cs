using QuizPlatform.Cli.Json;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// <c>quiz grade --among-assignment</c>: lines with the same <c>assignment</c> are one quiz, whose questions are the
/// distinct (question, model answer, keywords) of those lines, and each line is graded among them
/// (<see cref="QuestionSet"/>): an answer that reads as one to another of them is flagged <c>other-question</c>, the
/// output's <c>otherQuestion</c> giving that question's text. A line without an assignment is graded alone. The
/// whole input is read first (a line's grade depends on the questions of lines after it); output keeps input order.
/// </summary>
public static class AssignmentGrading
{
    public static int Run(GradingSession session, TextReader input, JsonLineWriter output, int workers, CancellationToken ct)
    {
        var lines = InputLine.ReadAll(session, input);
        var graded = lines.Where(l => l.Error is null).ToList();
        var sets = graded.Where(l => l.Request!.Assignment is not null).GroupBy(l => l.Request!.Assignment!, StringComparer.Ordinal)
            .ToDictionary(assignment => assignment.Key, assignment =>
            {
                var questions = assignment.DistinctBy(l => l.Key!).ToList();
                return new QuestionSet([.. questions.Select(l => l.Key!)], [.. questions.Select(l => l.Request!.Question ?? l.Key!.Prompt)]);
            }, StringComparer.Ordinal);
        var encoded = session.Encoder is null ? null
            : MeaningText.EncodeDistinct(session.Encoder, graded.Select(l => l.Request!.Response!).Where(r => !string.IsNullOrWhiteSpace(r)), ct);
        Parallel.ForEach(graded, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, line =>
        {
            var request = line.Request!;
            var among = request.Assignment is { } assignment ? sets[assignment] : null;
            var meaning = encoded is null ? null : session.MeaningOf(line.Key!);
            line.Result = meaning is null
                ? session.Grader.Grade(line.Key!, request.Response!, request.Points ?? 1, among)
                : session.Grader.Grade(line.Key!, request.Response!, request.Points ?? 1, meaning, encoded!.GetValueOrDefault(request.Response!), among);
        });

        return InputLine.WriteAll(lines, output);
    }
}
