using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Support.SeedDocuments;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Data;

/// <summary>Start-up seeding from the seeds folder, on each provider.</summary>
public sealed class SeedingTests
{
    [Theory, AllDatabaseProviders]
    public async Task FirstStartImportsTheFiftySeedQuestionsWithKeywords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        seeds.WriteFile(SeedFileName, Seed);

        await using var app = new QuizAppFactory(database, SeedingFrom(seeds.Path));
        await using var db = app.Services.CreateDbContext();

        var version = await db.AssignmentVersions.Include(v => v.Assignment)
            .Include(v => v.Questions).ThenInclude(q => q.Keywords).SingleAsync();
        Assert.Equal(SeedTitle, version.Assignment.Title);
        Assert.Equal(1, version.Version);
        Assert.Equal(SeedFileName, version.SourceFileName);
        Assert.Equal(Enumerable.Range(1, 50), version.Questions.Select(q => q.Number).Order());
        Assert.StartsWith(FirstAnswerStart, version.Questions.Single(q => q.Number == 1).ModelAnswer);
        Assert.All(version.Questions, q => Assert.NotEmpty(q.Keywords));
        Assert.All(version.Questions.SelectMany(q => q.Keywords), k => Assert.Equal(KeywordOrigin.Extracted, k.Origin));
    }

    [Theory, AllDatabaseProviders]
    public async Task SecondStartLeavesEverythingUnchanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        seeds.WriteFile(SeedFileName, Seed);

        var first = await SnapshotAfterStartAsync(database, seeds.Path, new LogCollector());
        var logs = new LogCollector();
        var second = await SnapshotAfterStartAsync(database, seeds.Path, logs);

        Assert.Equal(first, second);
        Assert.Contains(logs.Messages, m => m.Contains($"Seed {SeedFileName}: unchanged \"{SeedTitle}\" version 1"));
    }

    [Theory, AllDatabaseProviders]
    public async Task ChangedDocumentBecomesVersionTwoAndVersionOneStaysIntact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        seeds.WriteFile(SeedFileName, Seed);
        int quizId;
        await using (var before = new QuizAppFactory(database, SeedingFrom(seeds.Path)))
        {
            await using var db = before.Services.CreateDbContext();
            quizId = await CreateQuizOnQuestionOneAsync(db);
        }

        seeds.WriteFile(SeedFileName, ChangedSeed);
        await using var after = new QuizAppFactory(database, SeedingFrom(seeds.Path));
        await using var check = after.Services.CreateDbContext();

        var versions = await check.AssignmentVersions.Include(v => v.Questions)
            .OrderBy(v => v.Version).ToListAsync();
        Assert.Equal(new[] { 1, 2 }, versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal(50, v.Questions.Count));
        Assert.Single(await check.Assignments.ToListAsync());
        Assert.StartsWith(FirstAnswerStart, versions[0].Questions.Single(q => q.Number == 1).ModelAnswer);
        Assert.DoesNotContain(FirstAnswerStart, versions[1].Questions.Single(q => q.Number == 1).ModelAnswer);

        var quiz = await check.Quizzes.Include(q => q.Questions).ThenInclude(q => q.Question).SingleAsync(q => q.Id == quizId);
        Assert.Equal(versions[0].Id, quiz.AssignmentVersionId);
        Assert.StartsWith(FirstAnswerStart, Assert.Single(quiz.Questions).Question.ModelAnswer);
    }

    [Theory, AllDatabaseProviders]
    public async Task TwoInstancesStartingTogetherImportOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        using var seeds = new TempDirectory();
        seeds.WriteFile(SeedFileName, Seed);
        await using var first = new QuizAppFactory(database, SeedingFrom(seeds.Path));
        await using var second = new QuizAppFactory(database, SeedingFrom(seeds.Path));

        // Touching Services builds and starts each host: migrations, first-run admin and seeding run in both at once.
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        await using var db = first.Services.CreateDbContext();
        Assert.Single(await db.Assignments.ToListAsync());
        Assert.Single(await db.AssignmentVersions.ToListAsync());
        Assert.Equal(50, await db.Questions.CountAsync());
        Assert.Single(await db.Users.ToListAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task DocumentWithErrorsImportsNothingLogsItsLinesAndTheAppStillStarts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var seeds = new TempDirectory();
        seeds.WriteFile("a-broken.md", "# Broken\n\n1. A question without an answer?\n2. Another?\n\n## Solutions\n\n2. Only this one.\n");
        seeds.WriteFile(SeedFileName, Seed);
        var logs = new LogCollector();
        await using var factory = new QuizAppFactory(database, SeedingFrom(seeds.Path));
        var app = factory.WithLogs(logs);
        using var client = app.CreateClient();

        using var home = await client.GetAsync("/");

        Assert.True(home.IsSuccessStatusCode, $"GET / answered {(int)home.StatusCode}");
        await using var db = app.Services.CreateDbContext();
        Assert.Equal(new[] { SeedTitle }, await db.Assignments.Select(a => a.Title).ToListAsync());
        var report = Assert.Single(logs.Messages, m => m.Contains("Seed a-broken.md has errors; nothing imported"));
        Assert.Matches(@"a-broken\.md:3: .*1", report);
    }

    private static async Task<List<(int, string, int, int, string)>> SnapshotAfterStartAsync(
        TestDatabase database, string seedsFolder, LogCollector logs)
    {
        await using var app = new QuizAppFactory(database, SeedingFrom(seedsFolder));
        var services = app.WithLogs(logs).Services;
        await using var db = services.CreateDbContext();
        var rows = await db.Questions.OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.AssignmentVersion.ContentHash, q.AssignmentVersion.Version, Keywords = q.Keywords.Count, q.ModelAnswer })
            .ToListAsync();
        return rows.Select(q => (q.Id, q.ContentHash, q.Version, q.Keywords, q.ModelAnswer)).ToList();
    }

    private static async Task<int> CreateQuizOnQuestionOneAsync(QuizDbContext db)
    {
        var admin = await db.Users.SingleAsync();
        var question = await db.Questions.SingleAsync(q => q.Number == 1);
        var quiz = new Quiz
        {
            Title = "Week 8",
            AssignmentVersionId = question.AssignmentVersionId,
            CreatedById = admin.Id,
            QuestionSelection = QuestionSelection.Subset,
            Questions = [new QuizQuestion { QuestionId = question.Id, Position = 1, Points = 2 }],
        };
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync();
        return quiz.Id;
    }
}
