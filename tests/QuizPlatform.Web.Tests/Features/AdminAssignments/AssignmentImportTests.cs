using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Importing;
using QuizPlatform.Web.Features.AdminAssignments;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.AdminAssignments;

public sealed class AssignmentImportTests
{
    [Theory, AllDatabaseProviders]
    public async Task InstructorsAndStudentsCannotPreviewImportListOrExport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var imported = await Administration(app).ImportAsync(adminId, Bytes(Documents.Original), "week.md");
        var content = Bytes(Documents.Revised);

        foreach (var (email, role) in new[] { ("teacher@quiz.local", Roles.Instructor), ("student@quiz.local", Roles.Student) })
        {
            var userId = await app.CreateUserIdAsync(email, role);
            var administration = Administration(app);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => administration.PreviewAsync(userId, content, "week.md"));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => administration.ImportAsync(userId, content, "week.md"));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => administration.ListAsync(userId));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => administration.ExportAsync(userId, imported.AssignmentId!.Value, 1));

            using var client = app.CreateNonRedirectingClient();
            using var _ = await client.SignInAsync(email, TestUsers.Password);
            foreach (var path in new[] { "/admin/assignments", "/admin/assignments/import", $"/admin/assignments/{imported.AssignmentId}/export" })
            {
                using var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
            }
        }
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Administration(app).ImportAsync(null, content, "week.md"));

        await using var db = app.Services.CreateDbContext();
        Assert.Equal(1, await db.AssignmentVersions.CountAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task DeactivatedAdminCannotImport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        await using (var db = app.Services.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == adminId)).IsActive = false;
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Administration(app).ImportAsync(adminId, Bytes(Documents.Original), "week.md"));

        await using var check = app.Services.CreateDbContext();
        Assert.False(await check.Assignments.AnyAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task BrokenDocumentShowsNumberedOffendingLinesAndImportsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var administration = Administration(app);

        var preview = await administration.PreviewAsync(adminId, Bytes(Documents.Broken), "week1.md");
        var imported = await administration.ImportAsync(adminId, Bytes(Documents.Broken), "week1.md");

        Assert.Equal(ImportStatus.Invalid, preview.Plan.Status);
        Assert.False(preview.Plan.CanImport);
        var error = Assert.Single(preview.Diagnostics);
        Assert.Equal((9, Severity.Error, "2. Pooling shrinks feature maps."), (error.Line, error.Severity, error.Text));
        Assert.Contains("does not match any question", error.Message);
        Assert.Equal(ImportStatus.Invalid, imported.Status);
        await using var db = app.Services.CreateDbContext();
        Assert.False(await db.Assignments.AnyAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task ChangedDocumentPreviewsItsChangesAndImportsAsVersion2KeepingVersion1(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var administration = Administration(app);

        var first = await administration.PreviewAsync(adminId, Bytes(Documents.Original), "week.md");
        await administration.ImportAsync(adminId, Bytes(Documents.Original), "week.md");
        var again = await administration.PreviewAsync(adminId, Bytes(Documents.Original), "week.md");
        var revised = await administration.PreviewAsync(adminId, Bytes(Documents.Revised), "week-v2.md");
        var imported = await administration.ImportAsync(adminId, Bytes(Documents.Revised), "week-v2.md");

        Assert.Equal((ImportStatus.Created, 1, true), (first.Plan.Status, first.Plan.Version, first.Plan.CanImport));
        Assert.Equal((ImportStatus.Unchanged, 1, false), (again.Plan.Status, again.Plan.Version, again.Plan.CanImport));
        Assert.Equal((ImportStatus.Updated, 2, true), (revised.Plan.Status, revised.Plan.Version, revised.Plan.CanImport));
        Assert.Equal(new[] { 4 }, revised.Plan.Changes!.Added);
        Assert.Equal(new[] { 1 }, revised.Plan.Changes.Changed);
        Assert.Equal(new[] { 3 }, revised.Plan.Changes.Removed);
        Assert.Equal(new[] { 1, 2, 4 }, revised.Plan.Questions.Select(q => q.Number));
        Assert.All(revised.Plan.Questions, q => Assert.NotEmpty(q.Keywords));
        Assert.Equal((ImportStatus.Updated, 2), (imported.Status, imported.Version));

        await using var db = app.Services.CreateDbContext();
        var versions = await db.AssignmentVersions.Include(v => v.Questions).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal(new[] { 1, 2 }, versions.Select(v => v.Version));
        Assert.Equal(new[] { 1, 2, 3 }, versions[0].Questions.Select(q => q.Number).Order());
        Assert.All(versions, v => Assert.Equal(adminId, v.ImportedById));
    }

    [Theory, AllDatabaseProviders]
    public async Task PreviewShowsWhatTheImportStores(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var administration = Administration(app);

        // A new document, the same document again, then a revision after an instructor edited question 2's keywords.
        var previews = new List<ImportPlan>();
        foreach (var document in new[] { Documents.Original, Documents.Original, Documents.Revised })
        {
            if (document == Documents.Revised)
                await EditKeywordsOfQuestion2Async(app, "downsampling", "strongest activation");
            var preview = (await administration.PreviewAsync(adminId, Bytes(document), "week.md")).Plan;
            var imported = await administration.ImportAsync(adminId, Bytes(document), "week.md");

            Assert.Equal((preview.Status, preview.Version), (imported.Status, imported.Version));
            Assert.Equal(Keywords(preview.Questions), await StoredKeywordsAsync(app, imported.AssignmentVersionId!.Value));
            previews.Add(preview);
        }

        Assert.Equal(new[] { (ImportStatus.Created, 1), (ImportStatus.Unchanged, 1), (ImportStatus.Updated, 2) },
            previews.Select(p => (p.Status, p.Version!.Value)));
        var kept = previews[2].Questions.Single(q => q.Number == 2).Keywords;
        Assert.Equal(new[] { "downsampling", "strongest activation" }, kept.Select(k => k.Phrase));
        Assert.All(kept, k => Assert.Equal(KeywordOrigin.Edited, k.Origin));
    }

    static List<string> Keywords(IEnumerable<ImportedQuestion> questions) =>
        questions.SelectMany(q => q.Keywords.Select(k =>
            $"{q.Number}: {k.Phrase} ({string.Join("|", k.Alternatives)}) {k.Weight} {k.Required} {k.Origin}")).ToList();

    static async Task<List<string>> StoredKeywordsAsync(QuizAppFactory app, int versionId)
    {
        await using var db = app.Services.CreateDbContext();
        var questions = await db.Questions.Where(q => q.AssignmentVersionId == versionId).Include(q => q.Keywords).ToListAsync();
        return Keywords(questions.OrderBy(q => q.Number).Select(q => new ImportedQuestion(q.Number, q.Prompt, q.ModelAnswer,
            q.Keywords.OrderBy(k => k.Position)
                .Select(k => new ImportedKeyword(k.Phrase, k.Alternatives, k.Weight, k.Required, k.Origin)).ToList())));
    }

    /// <summary>What an instructor's edit leaves in the latest version: question 2 with only edited keywords.</summary>
    static async Task EditKeywordsOfQuestion2Async(QuizAppFactory app, params string[] phrases)
    {
        await using var db = app.Services.CreateDbContext();
        var question = await db.Questions.Include(q => q.Keywords).SingleAsync(q => q.Number == 2);
        db.RemoveRange(question.Keywords);
        question.Keywords = phrases.Select((phrase, position) =>
            new QuestionKeyword { Phrase = phrase, Position = position, Origin = KeywordOrigin.Edited }).ToList();
        await db.SaveChangesAsync();
    }

    [Theory, AllDatabaseProviders]
    public async Task TheLatestVersionLaidOutDifferentlyIsUnchangedAndAnOlderOneBroughtBackIsANewVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var assignmentId = (await Administration(app).ImportAsync(adminId, Bytes(Documents.Original), "week.md")).AssignmentId!.Value;
        await Administration(app).ImportAsync(adminId, Bytes(Documents.Revised), "week-v2.md");
        var latest = (await Administration(app).ExportAsync(adminId, assignmentId, 2))!;
        var older = (await Administration(app).ExportAsync(adminId, assignmentId, 1))!;
        // Edited and saved by another editor: the same questions and answers under another heading, another content hash.
        var relaidOut = latest.Markdown.Replace("## Solution", "#### Solutions.", StringComparison.Ordinal);
        Assert.NotEqual(latest.Markdown, relaidOut);

        var preview = await Administration(app).PreviewAsync(adminId, Bytes(relaidOut), latest.FileName);
        var imported = await Administration(app).ImportAsync(adminId, Bytes(relaidOut), latest.FileName);
        // Version 1's questions back as the latest: a new version, even laid out differently.
        var reverted = await Administration(app).ImportAsync(adminId,
            Bytes(older.Markdown.Replace("## Solution", "#### Solutions.", StringComparison.Ordinal)), older.FileName);

        Assert.Equal((ImportStatus.Unchanged, 2, false), (preview.Plan.Status, preview.Plan.Version, preview.Plan.CanImport));
        Assert.Equal((ImportStatus.Unchanged, 2), (imported.Status, imported.Version));
        Assert.Equal((ImportStatus.Updated, 3), (reverted.Status, reverted.Version));
        await using var db = app.Services.CreateDbContext();
        Assert.Equal([1, 2, 3], await db.AssignmentVersions.OrderBy(v => v.Version).Select(v => v.Version).ToListAsync());
    }

    [Theory]
    [InlineData("1,2,3", "1,2,3", "", "", "")]
    [InlineData("1,2", "1,2,3", "3", "", "")]
    [InlineData("1,2,3", "1,3", "", "", "2")]
    [InlineData("1,2", "1*,2", "", "1", "")]
    [InlineData("1,2,3", "1*,2,4", "4", "1", "3")]
    public void VersionChangesNameAddedChangedAndRemovedQuestions(string stored, string document, string added, string changed, string removed)
    {
        // "n" is question n with its original text, "n*" the same number with a reworded answer.
        static IEnumerable<VersionChanges.QuestionText> Questions(string list) => list.Split(',').Select(item =>
            new VersionChanges.QuestionText(int.Parse(item.TrimEnd('*')), "Prompt " + item.TrimEnd('*'), item.EndsWith('*') ? "Reworded" : "Answer"));
        static int[] Numbers(string list) => list.Length == 0 ? [] : list.Split(',').Select(int.Parse).ToArray();

        var changes = VersionChanges.Between(Questions(stored), Questions(document));

        Assert.Equal(Numbers(added), changes.Added);
        Assert.Equal(Numbers(changed), changes.Changed);
        Assert.Equal(Numbers(removed), changes.Removed);
        Assert.Equal(added + changed + removed == "", changes.None);
    }

    internal static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    internal static AssignmentAdministration Administration(WebApplicationFactory<Program> app) =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<AssignmentAdministration>();
}
