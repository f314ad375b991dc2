using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Rosters;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.Rosters;

/// <summary>
/// Admin roster upload, through the Data project's <see cref="RosterImport"/> (the rule <c>quiz roster import</c>
/// shares). A class the file names that does not exist is created when the admin gave it an instructor
/// (<c>newClasses</c>: class name to instructor id). The page takes no passwords: while account mail reaches nobody
/// (<see cref="AccountMail.Delivers"/>) new students get a one-time password, returned once and changed at first
/// sign-in, since "Forgot your password?" could not reach them. With mail they get no password, and the page offers
/// to send each a link to choose one (<see cref="StudentInvitations"/>).
/// </summary>
public sealed class RosterService(IServiceScopeFactory scopes, AccountMail mail, AuditLog audit)
{
    public bool GivesOneTimePasswords => !mail.Delivers;

    public async Task<RosterPreview> PreviewAsync(string actorId, string csv, IReadOnlyDictionary<string, string>? newClasses = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        (await Actor.LoadAsync(scope.ServiceProvider.GetRequiredService<QuizDbContext>(), actorId)).EnsureAdmin();
        return await scope.ServiceProvider.GetRequiredService<RosterImport>().PreviewAsync(csv, Options(newClasses));
    }

    /// <summary>Applies the roster when every line is good; returns the plan it acted on, whether it did, and any one-time passwords.</summary>
    public async Task<RosterResult> ApplyAsync(string actorId, string csv, IReadOnlyDictionary<string, string>? newClasses = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuizDbContext>();
        (await Actor.LoadAsync(db, actorId)).EnsureAdmin();
        return await scope.ServiceProvider.GetRequiredService<RosterImport>().ApplyAsync(csv, Options(newClasses),
            plan => audit.AddAsync(db, actorId, AuditActions.RosterImported, null, plan.AuditSummary()));
    }

    RosterOptions Options(IReadOnlyDictionary<string, string>? newClasses) => new()
    {
        NewClassInstructor = name => newClasses?.FirstOrDefault(c => string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase)).Value,
        GeneratesPasswords = GivesOneTimePasswords,
    };
}
