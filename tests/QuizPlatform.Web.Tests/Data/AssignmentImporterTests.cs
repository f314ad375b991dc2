using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Support.SeedDocuments;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Data;

/// <summary>The import service the seeder, the CLI and (later) the admin pages share, on each provider.</summary>
public sealed class AssignmentImporterTests
{
    [Theory, AllDatabaseProviders]
    public async Task ParallelImportsOfOneDocumentStoreItOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var importer = app.Services.GetRequiredService<AssignmentImporter>();
        var content = Encoding.UTF8.GetBytes(Seed);

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => importer.ImportAsync(content, SeedFileName))));

        Assert.Single(results, r => r.Status == ImportStatus.Created);
        Assert.Equal(3, results.Count(r => r.Status == ImportStatus.Unchanged));
        Assert.All(results, r => Assert.Equal(50, r.Questions.Count));
        await using var db = app.Services.CreateDbContext();
        Assert.Equal(1, await db.AssignmentVersions.CountAsync());
        Assert.Equal(50, await db.Questions.CountAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task InvalidDocumentStoresNothingAndReportsItsDiagnostics(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var importer = app.Services.GetRequiredService<AssignmentImporter>();

        var result = await importer.ImportAsync("# Title only\n"u8.ToArray(), "empty.md");

        Assert.Equal(ImportStatus.Invalid, result.Status);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.DiagnosticLines, line => Assert.StartsWith("empty.md:", line));
        await using var db = app.Services.CreateDbContext();
        Assert.False(await db.Assignments.AnyAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task NewVersionKeepsInstructorEditedKeywordsOfUnchangedQuestions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var importer = app.Services.GetRequiredService<AssignmentImporter>();
        await importer.ImportAsync(Encoding.UTF8.GetBytes(Seed), SeedFileName);
        await using (var db = app.Services.CreateDbContext())
        {
            // An instructor replaces the keywords of question 2 (unchanged by the edit) and of question 1 (changed).
            foreach (var question in await db.Questions.Include(q => q.Keywords).Where(q => q.Number <= 2).ToListAsync())
            {
                question.Keywords.Clear();
                question.Keywords.Add(new QuestionKeyword
                {
                    Phrase = "chain rule", Alternatives = ["gradient flow"], Weight = 2, Required = true, Origin = KeywordOrigin.Edited,
                });
            }
            await db.SaveChangesAsync();
        }

        var result = await importer.ImportAsync(Encoding.UTF8.GetBytes(ChangedSeed), SeedFileName);

        Assert.Equal(ImportStatus.Updated, result.Status);
        Assert.Equal(2, result.Version);
        var kept = Assert.Single(result.Questions.Single(q => q.Number == 2).Keywords);
        Assert.Equal(("chain rule", 2.0, true, KeywordOrigin.Edited), (kept.Phrase, kept.Weight, kept.Required, kept.Origin));
        Assert.Equal(new[] { "gradient flow" }, kept.Alternatives);
        Assert.All(result.Questions.Single(q => q.Number == 1).Keywords, k => Assert.Equal(KeywordOrigin.Extracted, k.Origin));
    }
}
