namespace QuizPlatform.Importing;

/// <summary>
/// Splits the outline into question blocks and their Solution blocks. Each Solution heading ends a question block
/// (the run of numbered items directly before it); the numbered items after it are the answers of that block, in
/// order, each running up to the next answer, the next question block or the end of the document.
/// </summary>
internal sealed class StructureReader(IReadOnlyList<OutlineBlock> outline, IReadOnlyList<string> lines, List<Diagnostic> diagnostics)
{
    public AssignmentStructure Read()
    {
        var title = outline.FirstOrDefault(b => b is { Kind: OutlineKind.Heading, HeadingLevel: 1, IsSolutionHeading: false });
        var solutions = Enumerable.Range(0, outline.Count).Where(i => outline[i].IsSolutionHeading).ToList();
        if (solutions.Count == 0)
        {
            ReportNoSolutionHeading();
            return new AssignmentStructure(title?.HeadingText, []);
        }

        var blocks = new List<QuestionBlock>();
        List<QuestionDraft>? pending = null;
        var segmentStart = 0;
        for (var s = 0; s <= solutions.Count; s++)
        {
            var segmentEnd = s < solutions.Count ? solutions[s] : outline.Count;
            var questionStart = s < solutions.Count ? TrailingItemRun(segmentStart, segmentEnd) : segmentEnd;
            if (pending is not null)
            {
                var solutionLine = outline[solutions[s - 1]].Line + 1;
                var answers = ReadAnswers(pending, segmentStart, segmentEnd, solutionLine, ref questionStart);
                blocks.Add(new QuestionBlock(pending, answers, solutionLine));
            }
            if (s < solutions.Count)
            {
                pending = ReadQuestions(questionStart, segmentEnd);
                if (pending.Count == 0)
                    Error(outline[segmentEnd].Line + 1, $"The Solution heading at line {outline[segmentEnd].Line + 1} has no numbered questions directly before it.");
            }
            segmentStart = segmentEnd + 1;
        }
        return new AssignmentStructure(title?.HeadingText, blocks);
    }

    /// <summary>Start of the numbered items that directly precede <paramref name="end"/> with nothing else between.</summary>
    private int TrailingItemRun(int start, int end)
    {
        var run = end;
        while (run > start && outline[run - 1].Kind == OutlineKind.Item)
            run--;
        return run;
    }

    private List<QuestionDraft> ReadQuestions(int start, int end) =>
        Enumerable.Range(start, end - start)
            .Select(i => new QuestionDraft(outline[i].Number, ItemText.Slice(lines, outline[i].Line, outline[i + 1].Line, dedent: true), outline[i].Line + 1))
            .ToList();

    /// <summary>
    /// Matches the numbered items of a Solution block to its questions. An item starts an answer when its number is
    /// one of the questions still unanswered after the current one; other numbered lines stay part of the current
    /// answer (a warning if they repeat its number), unless they come before any answer or match no question of the
    /// block and come after the open answer's number (an answer left behind when its question was deleted): then they
    /// are answers without a question. Items of the trailing run that do not start an answer begin the next question
    /// block, and <paramref name="questionStart"/> moves to them.
    /// </summary>
    private AnswerDraft?[] ReadAnswers(List<QuestionDraft> questions, int start, int end, int solutionLine, ref int questionStart)
    {
        var answers = new AnswerDraft?[questions.Count];
        var positions = questions.Select((q, position) => (q.Number, position))
            .GroupBy(q => q.Number, q => q.position)
            .ToDictionary(g => g.Key, g => g.ToList());
        var runStart = questionStart;
        (int Index, int Position)? open = null;
        var lastPosition = -1;
        questionStart = end;

        void Close(int boundary, bool beforeQuestions)
        {
            if (open is not { } answer)
                return;
            var last = boundary;
            while (beforeQuestions && last - 1 > answer.Index && outline[last - 1].Kind == OutlineKind.Heading)
                last--; // section headings that introduce the next questions belong to neither
            var endLine = last < outline.Count ? outline[last].Line : lines.Count;
            var line = outline[answer.Index].Line;
            answers[answer.Position] = new AnswerDraft(outline[answer.Index].Number, ItemText.Slice(lines, line, endLine, dedent: false), line + 1);
            open = null;
        }

        for (var i = start; i < end; i++)
        {
            var item = outline[i];
            if (item.Kind != OutlineKind.Item)
                continue;
            var position = NextPosition(positions, item.Number, lastPosition);
            if (position >= 0)
            {
                Close(i, beforeQuestions: false);
                open = (i, position);
                lastPosition = position;
            }
            else if (i >= runStart)
            {
                questionStart = i;
                break;
            }
            else if (open is { } current && questions[current.Position].Number == item.Number)
            {
                // Usually a numbered list inside the answer; kept, but said, in case it is a second answer.
                diagnostics.Add(new Diagnostic(item.Line + 1, Severity.Warning,
                    $"Line {item.Line + 1} is numbered {item.Number}. again inside answer {item.Number} (line {outline[current.Index].Line + 1}); it is kept as part of that answer. If it is a second answer, remove one."));
            }
            // Past the open answer's number and no question's: an answer left when its question was deleted. Below it, a
            // numbered list inside the answer ("3. To do C: 1. prepare 2. finish" in a block of questions 3 and 4).
            else if (open is not { } answering || !positions.ContainsKey(item.Number) && item.Number > questions[answering.Position].Number)
            {
                Close(i, beforeQuestions: false);
                Error(item.Line + 1, $"Answer {item.Number} (line {item.Line + 1}) does not match any question of the block before the Solution heading at line {solutionLine}.");
            }
        }
        Close(questionStart, beforeQuestions: questionStart < end);
        return answers;
    }

    /// <summary>The first position of a question numbered <paramref name="number"/> after <paramref name="after"/>, or -1.</summary>
    /// <remarks>An index rather than a scan: a 1 MB upload may hold 100,000 items, most of them unmatched.</remarks>
    private static int NextPosition(Dictionary<int, List<int>> positions, int number, int after)
    {
        if (!positions.TryGetValue(number, out var ascending))
            return -1;
        var index = ascending.BinarySearch(after + 1);
        if (index < 0)
            index = ~index;
        return index < ascending.Count ? ascending[index] : -1;
    }

    private void ReportNoSolutionHeading()
    {
        var firstItem = outline.FirstOrDefault(b => b.Kind == OutlineKind.Item);
        if (firstItem is null)
            Error(1, "The document has no numbered questions: list them as \"1. ...\", then a \"Solution\" heading and the numbered model answers.");
        else
            Error(firstItem.Line + 1, $"The questions starting at line {firstItem.Line + 1} have no \"Solution\" heading after them with their model answers.");
    }

    private void Error(int line, string message) => diagnostics.Add(new Diagnostic(line, Severity.Error, message));
}
