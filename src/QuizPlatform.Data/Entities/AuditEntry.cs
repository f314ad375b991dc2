namespace QuizPlatform.Data.Entities;

/// <summary>
/// One line of the audit trail: who did what to which record, when and from where. Append-only: the database
/// refuses updates and deletes of this table (a trigger on both providers), and the entity has no navigation to
/// the user so the line outlives any change to the account.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The signed-in user who acted; null for the system or an unknown sign-in name.</summary>
    public string? ActorId { get; set; }
    /// <summary>The actor's email (or the name typed at a failed sign-in) as it was at the time.</summary>
    public string? ActorEmail { get; set; }
    /// <summary>A dotted action name, one of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";
    /// <summary>What was acted on, as "kind:id" (e.g. "quiz:12", "user:3f2a…"), or null.</summary>
    public string? Subject { get; set; }
    /// <summary>A sentence a person reads: what changed.</summary>
    public string Summary { get; set; } = "";
    public string? IpAddress { get; set; }
}

/// <summary>The audit trail's action names: stable strings, stored and filtered on.</summary>
public static class AuditActions
{
    public const string SignIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignOut = "account.sign-out";
    public const string SessionEnded = "account.session-ended";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordReset = "account.password-reset";
    public const string TwoFactorChanged = "account.two-factor-changed";
    public const string UserCreated = "user.created";
    public const string RoleChanged = "user.role-changed";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string TeachingHandedOver = "user.teaching-handed-over";
    public const string RosterImported = "roster.imported";
    public const string ClassChanged = "class.changed";
    public const string ClassDeleted = "class.deleted";
    public const string AssignmentImported = "assignment.imported";
    public const string AssignmentExported = "assignment.exported";
    public const string AssignmentDeleted = "assignment.deleted";
    public const string KeywordsEdited = "keywords.edited";
    public const string QuizCreated = "quiz.created";
    public const string QuizChanged = "quiz.changed";
    public const string QuizDeleted = "quiz.deleted";
    public const string QuizClosed = "quiz.closed";
    public const string QuizReopened = "quiz.reopened";
    public const string ResultsExported = "results.exported";
    public const string GradeOverridden = "grade.overridden";
    public const string RegradeApplied = "grade.regraded";
    public const string LearningStopped = "grade.learning-stopped";
    public const string AuditExported = "audit.exported";
}
