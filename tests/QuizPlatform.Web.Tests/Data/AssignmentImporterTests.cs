using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WithTheMeaningPassOnImportRanksKeywordsByTheModel(bool meaning)
    {
        // Long answers with more candidates than slots, where the model's ranking chooses other keywords than salience.
        const string document = """
            # Computer Networks, Assignment 3

            1. What does Network Address Translation (NAT) do, and what problems does it cause?
            2. Compare link-state and distance-vector routing protocols.

            #### Solution.

            1. NAT rewrites the private source address of outgoing packets to the router's public IP address and keeps a translation table, so that many hosts share one public address. It saves IPv4 addresses, but it breaks end-to-end connectivity: hosts behind NAT cannot easily accept incoming connections, which complicates peer-to-peer applications and needs port forwarding.

            2. In link-state routing (OSPF) every router floods the state of its links to all routers, builds a map of the whole topology and computes shortest paths with Dijkstra's algorithm. In distance-vector routing (RIP) each router only tells its neighbours its distance to every destination, using the Bellman-Ford algorithm; it converges slowly and can suffer from the count-to-infinity problem.
            """;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, new Dictionary<string, string?> { ["Grading:Meaning"] = meaning ? "true" : "false" });

        await app.Services.GetRequiredService<AssignmentImporter>().ImportAsync(Encoding.UTF8.GetBytes(document), "os.md");

        await using var db = app.Services.CreateDbContext();
        var stored = await db.Questions.OrderBy(q => q.Number).Select(q => q.Keywords.OrderBy(k => k.Position).Select(k => k.Phrase).ToList()).ToListAsync();
        var questions = (await db.Questions.OrderBy(q => q.Number).ToListAsync()).Select(q => new QuestionText(q.Prompt, q.ModelAnswer)).ToList();
        var byModel = new KeywordExtractor { Encoder = app.Services.GetRequiredService<ITokenEncoder>() }.Extract(questions).Select(Phrases).ToList();
        var bySalience = new KeywordExtractor().Extract(questions).Select(Phrases).ToList();
        Assert.NotEqual(bySalience, byModel);
        Assert.Equal(meaning ? byModel : bySalience, stored);

        static List<string> Phrases(IReadOnlyList<Keyword> keywords) => [.. keywords.Select(k => k.Phrase)];
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
