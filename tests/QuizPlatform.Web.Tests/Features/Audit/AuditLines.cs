using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Audit;

/// <summary>The audit trail as stored, oldest first, for tests that act and then look for their line.</summary>
public static class AuditLines
{
    public static async Task<List<AuditEntry>> AuditAsync(this WebApplicationFactory<Program> app, string? action = null)
    {
        await using var db = app.Services.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(e => action == null || e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The one line of <paramref name="action"/>; fails when there is none or more than one.</summary>
    public static async Task<AuditEntry> SingleAuditAsync(this WebApplicationFactory<Program> app, string action) =>
        Assert.Single(await app.AuditAsync(action));
}
