namespace QuizPlatform.Data.Rosters;

public enum RosterOutcome { Created, Enrolled, AlreadyEnrolled, Repeated, Error }

/// <summary>
/// What applying a line does (or why it cannot): <see cref="RosterOutcome.Created"/> makes the student and enrols
/// them; <see cref="RosterOutcome.Repeated"/> is a line that repeats an earlier one and is skipped. <see cref="Note"/>
/// says what happens to a part of the line that is not used (a different name for an existing student, a repeat).
/// </summary>
public sealed record RosterRow(RosterLine Line, RosterOutcome Outcome, string? Reason = null, string? Note = null);

/// <summary>A class the roster names that does not exist; <see cref="InstructorId"/> is set when the admin chose to create it.</summary>
public sealed record MissingClass(string Name, string? InstructorId);

public sealed record RosterPreview(IReadOnlyList<RosterRow> Rows, string? FileError, IReadOnlyList<MissingClass> MissingClasses)
{
    public RosterPreview(string fileError) : this([], fileError, []) { }

    /// <summary>All or nothing: a roster with any bad line is not applied at all.</summary>
    public bool CanApply => FileError is null && Rows.Count > 0 && Rows.All(r => r.Outcome != RosterOutcome.Error);
    public int Count(RosterOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    public int StudentsToCreate => Count(RosterOutcome.Created);
    /// <summary>Every new student is enrolled too, so this counts their lines as well as existing students'.</summary>
    public int EnrolmentsToAdd => Count(RosterOutcome.Created) + Count(RosterOutcome.Enrolled);
    public int ClassesToCreate => MissingClasses.Count(c => c.InstructorId is not null);

    /// <summary>"2 students to create, 2 enrolments to add, …": the preview and the result say the same figures.</summary>
    public string Summary(bool applied) => string.Join(", ",
    [
        Figure(StudentsToCreate, "student", applied ? "created" : "to create"),
        Figure(EnrolmentsToAdd, "enrolment", applied ? "added" : "to add"),
        $"{Count(RosterOutcome.AlreadyEnrolled)} already enrolled",
        Figure(ClassesToCreate, "class", applied ? "created" : "to create"),
        .. Count(RosterOutcome.Repeated) is var repeated and > 0 ? [Figure(repeated, "repeated line", "skipped")] : Array.Empty<string>(),
        .. applied ? Array.Empty<string>() : [Figure(Count(RosterOutcome.Error), "line", "with errors")],
    ]);

    /// <summary>The audit line: "Imported a roster of 12 lines: 3 students created, 8 enrolments, classes created: Biology 2."</summary>
    public string AuditSummary()
    {
        var newClasses = MissingClasses.Where(c => c.InstructorId is not null).Select(c => c.Name).ToList();
        return $"Imported a roster of {Rows.Count} lines: {StudentsToCreate} students created, {EnrolmentsToAdd} enrolments"
            + (newClasses.Count > 0 ? $", classes created: {string.Join(", ", newClasses)}." : ".");
    }

    static string Figure(int count, string noun, string what) =>
        $"{count} {(count == 1 ? noun : noun.EndsWith('s') ? noun + "es" : noun + "s")} {what}";
}

/// <summary>A new student's first password, to hand over once: nothing stores it in clear.</summary>
public sealed record OneTimePassword(string Email, string Name, string Classes, string Password)
{
    /// <summary>The columns of the file an admin downloads or the CLI writes.</summary>
    public static readonly string[] Columns = ["email", "name", "class", "one-time password"];
}

/// <summary>How a roster is read and applied: what differs between the roster page and <c>quiz roster import</c>.</summary>
public sealed record RosterOptions
{
    /// <summary>The class of a line that names none (the file may leave out the class column); null: every line names its own.</summary>
    public string? DefaultClass { get; init; }

    /// <summary>Who teaches a class the roster names that does not exist yet; null leaves it missing (an error on its lines).</summary>
    public Func<string, string?> NewClassInstructor { get; init; } = _ => null;

    /// <summary>The end of the error on a line naming a missing class: how to create it where the roster is imported.</summary>
    public string MissingClassAdvice { get; init; } = "create it above, or correct the line.";

    /// <summary>Whether the file may give new students' passwords (a <c>password</c> column).</summary>
    public bool TakesPasswords { get; init; }

    /// <summary>Whether a new student the file gives no password gets a generated one-time password.</summary>
    public bool GeneratesPasswords { get; init; }

    /// <summary>Whether a password the file gives must be changed at first sign-in, as a generated one must.</summary>
    public bool GivenPasswordsMustChange { get; init; }
}

/// <summary>
/// The outcome of applying: whether it was, the plan it acted on, the new students' account ids (in file order, to
/// invite them by mail), and (when account mail does not reach people) their one-time passwords.
/// </summary>
public sealed record RosterResult(bool Applied, RosterPreview Plan, IReadOnlyList<OneTimePassword> Passwords)
{
    public IReadOnlyList<string> NewStudentIds { get; init; } = [];
}
