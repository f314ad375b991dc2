using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using QuizPlatform.Data;
using QuizPlatform.Importing;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Features.AdminAssignments.AssignmentImportTests;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.AdminAssignments;

public sealed class AssignmentExportTests
{
    [Theory, AllDatabaseProviders]
    public async Task ExportOfAnImportedDocumentParsesBackToTheSameAssignment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var imported = await Administration(app).ImportAsync(adminId, Bytes(SeedDocuments.Seed), SeedDocuments.SeedFileName);

        var exported = await Administration(app).ExportAsync(adminId, imported.AssignmentId!.Value, version: null);

        Assert.NotNull(exported);
        Assert.Equal("Assignment-8-v1.md", exported.FileName);
        var original = new AssignmentParser().Parse(SeedDocuments.Seed).Assignment;
        var reparsed = new AssignmentParser().Parse(exported.Markdown);
        Assert.True(reparsed.Succeeded, string.Join("\n", reparsed.Diagnostics));
        Assert.Equal(original, reparsed.Assignment);
    }

    [Theory, AllDatabaseProviders]
    public async Task AdminDownloadsTheRequestedVersionAndGuessedIdsFindNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var first = await Administration(app).ImportAsync(adminId, Bytes(Documents.Original), "week.md");
        await Administration(app).ImportAsync(adminId, Bytes(Documents.Revised), "week.md");
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("boss@quiz.local", TestUsers.Password);

        using var version1 = await client.GetAsync($"/admin/assignments/{first.AssignmentId}/export?version=1");
        using var latest = await client.GetAsync($"/admin/assignments/{first.AssignmentId}/export");
        using var missingVersion = await client.GetAsync($"/admin/assignments/{first.AssignmentId}/export?version=3");
        using var missingAssignment = await client.GetAsync($"/admin/assignments/{first.AssignmentId + 1}/export");

        Assert.Equal(HttpStatusCode.OK, version1.StatusCode);
        Assert.Equal("Pooling-week-v1.md", version1.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(new AssignmentParser().Parse(Documents.Original).Assignment,
            new AssignmentParser().Parse(await version1.Content.ReadAsStringAsync()).Assignment);
        Assert.Equal(new AssignmentParser().Parse(Documents.Revised).Assignment,
            new AssignmentParser().Parse(await latest.Content.ReadAsStringAsync()).Assignment);
        Assert.Equal(HttpStatusCode.NotFound, missingVersion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingAssignment.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task ListShowsEachAssignmentsVersionsAndWhoImportedThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        await Administration(app).ImportAsync(adminId, Bytes(Documents.Original), "week.md");
        await Administration(app).ImportAsync(adminId, Bytes(Documents.Revised), "week-v2.md");
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("boss@quiz.local", TestUsers.Password);

        var listed = Assert.Single(await Administration(app).ListAsync(adminId));
        var page = await client.GetStringAsync("/admin/assignments");

        Assert.Equal("Pooling week", listed.Title);
        Assert.Equal(new[] { (2, "week-v2.md", 3), (1, "week.md", 3) },
            listed.Versions.Select(v => (v.Version, v.SourceFileName, v.QuestionCount)));
        Assert.All(listed.Versions, v => Assert.Equal("boss@quiz.local", v.ImportedBy));
        Assert.Contains("Pooling week", page);
        Assert.Contains("boss@quiz.local", page);
        Assert.Contains($"admin/assignments/{listed.Id}/export?version=2", page);
    }
}
