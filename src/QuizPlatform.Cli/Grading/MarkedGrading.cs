using QuizPlatform.Cli.Json;
using QuizPlatform.Grading;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// <c>quiz grade --learn-from-marks</c>: lines that carry a human mark are the instructor's marks for their question
/// (same question, model answer and keywords), and every line is graded with the marks of all the other marked
/// lines of its question, never its own. The whole input is read first (a line's grade depends on lines after it);
/// questions are graded in parallel, output keeps input order.
/// </summary>
public static class MarkedGrading
{
    public static int Run(GradingSession session, TextReader input, JsonLineWriter output, int workers, CancellationToken ct)
    {
        var lines = InputLine.ReadAll(session, input);

        var questions = lines.Where(l => l.Error is null).GroupBy(l => l.Key!);
        Parallel.ForEach(questions, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, GradeQuestion);

        return InputLine.WriteAll(lines, output);

        void GradeQuestion(IGrouping<GradingKey, InputLine> group)
        {
            var question = group.ToList();
            var graded = new MarkedQuestion(session, group.Key, [.. question.Select(l => l.Request!.Response!)]);
            var marks = Enumerable.Range(0, question.Count).Where(i => question[i].Mark is not null)
                .Select(i => (Response: i, Share: question[i].Mark!.Value)).ToList();
            var fromAll = graded.Learn(marks);
            for (var i = 0; i < question.Count; i++)
            {
                var learnt = question[i].Mark is null ? fromAll : graded.Learn([.. marks.Where(m => m.Response != i)]);
                question[i].Result = graded.Grade(i, question[i].Request!.Points ?? 1, learnt);
            }
        }
    }
}

/// <summary>A line read for grading with marks: its request, compiled key and human mark, or why it cannot be graded.</summary>
public sealed class InputLine
{
    public required int Number { get; init; }
    public GradeRequest? Request { get; init; }
    public GradingKey? Key { get; init; }
    public double? Mark { get; init; }
    public GradeError? Error { get; init; }
    public GradeResult? Result { get; set; }

    /// <summary>Every non-blank line of <paramref name="input"/>, read whole (for the modes whose grades depend on later lines).</summary>
    public static List<InputLine> ReadAll(GradingSession session, TextReader input)
    {
        var lines = new List<InputLine>();
        var number = 0;
        while (input.ReadLine() is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
                lines.Add(Read(session, text, number, markRequired: false));
        }
        return lines;
    }

    /// <summary>Each line's grade or error, in input order; returns how many could not be graded.</summary>
    public static int WriteAll(IReadOnlyList<InputLine> lines, JsonLineWriter output)
    {
        var writer = new GradeLineWriter();
        foreach (var line in lines)
        {
            if (line.Result is { } result)
                output.Write((json, l) => writer.Write(json, l.Request!.Id, result), line);
            else
                output.Write((json, error) => GradeLineWriter.WriteError(json, error), line.Error!);
        }
        return lines.Count(l => l.Error is not null);
    }

    /// <param name="markRequired">Whether a line without a human mark is an error (<c>quiz evaluate</c>) or ungraded by a person (<c>quiz grade</c>).</param>
    public static InputLine Read(GradingSession session, string text, int number, bool markRequired)
    {
        var (request, error) = GradeRequestReader.Read(text, number);
        if (error is not null)
            return new InputLine { Number = number, Request = request, Error = error };
        double? mark = null;
        if (markRequired || request!.HumanScore is not null || request.HumanLabel is not null || request.Label2Way is not null)
        {
            var (share, markError) = HumanMark.Of(request!);
            if (markError is not null)
                return new InputLine { Number = number, Request = request, Error = new GradeError(request!.Id, number, markError) };
            mark = share;
        }
        // Checked here rather than when grading: a marked answer is graded again for every other line of its question.
        var limit = session.Grader.Options.MaxResponseChars;
        if (request!.Response!.Length > limit)
            return new InputLine { Number = number, Request = request, Error = new GradeError(request.Id, number, new ResponseTooLongException(request.Response.Length, limit).Message) };
        try
        {
            return new InputLine { Number = number, Request = request, Key = session.KeyOf(request), Mark = mark };
        }
        catch (ArgumentException e)
        {
            return new InputLine { Number = number, Request = request, Error = new GradeError(request.Id, number, e.Message) };
        }
    }
}
