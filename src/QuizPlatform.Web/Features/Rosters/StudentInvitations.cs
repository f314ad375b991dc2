using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Mail;
using QuizPlatform.Web.Features.PublicSite;

namespace QuizPlatform.Web.Features.Rosters;

/// <summary>What happened to each invitation: the addresses it reached the mail server for, and those it did not, with why.</summary>
public sealed record InvitationReport(IReadOnlyList<string> Sent, IReadOnlyList<InvitationFailure> Failed);

public sealed record InvitationFailure(string StudentId, string Email, string Reason);

/// <summary>
/// E-mails new students a link to choose their password. The link carries a password-reset token: it works once
/// (choosing the password changes the account's security stamp, which every older token depends on) and expires
/// after <see cref="DataProtectionTokenProviderOptions.TokenLifespan"/>, like "Forgot your password?". Only active
/// students who never had a password are invited, so the admin cannot send this to anyone else.
/// </summary>
public sealed class StudentInvitations(IServiceScopeFactory scopes, SmtpMailer mailer, PublicLinks links,
    IOptions<DataProtectionTokenProviderOptions> tokens)
{
    public async Task<InvitationReport> SendAsync(string actorId, IReadOnlyList<string> studentIds, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuizDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureAdmin();
        var order = studentIds.ToList();
        var students = (await db.ActiveUsersInRole(Roles.Student)
                .Where(u => studentIds.Contains(u.Id) && u.PasswordHash == null && u.Email != null)
                .ToListAsync(cancellationToken))
            .OrderBy(u => order.IndexOf(u.Id)).ToList();

        var invitations = new List<(ApplicationUser Student, OutgoingMail Mail)>();
        foreach (var student in students)
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(student)));
            var link = links.To("Account/ResetPassword", new Dictionary<string, object?> { ["code"] = code });
            invitations.Add((student, AccountMessages.Invitation(student.Email!, student.DisplayName, link, LinkValidity)));
        }
        var failures = (await mailer.SendAsync([.. invitations.Select(i => i.Mail)], cancellationToken)).ToDictionary(f => f.Mail);
        return new InvitationReport(
            [.. invitations.Where(i => !failures.ContainsKey(i.Mail)).Select(i => i.Student.Email!)],
            [.. invitations.Where(i => failures.ContainsKey(i.Mail)).Select(i => new InvitationFailure(i.Student.Id, i.Student.Email!, failures[i.Mail].Reason))]);
    }

    /// <summary>How long a link works, as the message says it.</summary>
    public string LinkValidity => Durations.Describe(tokens.Value.TokenLifespan);
}
