using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Tests.Features.AdminAssignments;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Features.AdminAssignments.AssignmentImportTests;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Keywords;

public sealed class KeywordEditingTests
{
    static readonly KeywordDraft[] Edited =
    [
        new() { Phrase = "downsampling", Alternatives = "subsampling, down-sampling", Weight = 2, Required = true },
        new() { Phrase = "strongest activation", Weight = 0.5 },
    ];

    [Theory, AllDatabaseProviders]
    public async Task InstructorSavesKeywordsAsEditedInTheirOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (teacherId, imported) = await ImportAsync(app);
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);

        var errors = await Editing(app).SaveAsync(teacherId, imported.AssignmentId!.Value, questionId, Edited);
        var loaded = await Editing(app).LoadAsync(teacherId, imported.AssignmentId.Value, questionId);

        Assert.Empty(errors);
        var stored = await KeywordsAsync(app, questionId);
        Assert.Equal(new[] { "downsampling", "strongest activation" }, stored.Select(k => k.Phrase));
        Assert.Equal(new[] { "subsampling", "down-sampling" }, stored[0].Alternatives);
        Assert.Equal((2.0, true), (stored[0].Weight, stored[0].Required));
        Assert.All(stored, k => Assert.Equal(KeywordOrigin.Edited, k.Origin));
        Assert.True(loaded!.Edited);
        Assert.Equal("subsampling, down-sampling", loaded.Keywords[0].Alternatives);
    }

    [Theory, AllDatabaseProviders]
    public async Task ASaveFromAPageOpenedBeforeAnotherSaveIsRefusedAndLosesNeither(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (teacherId, imported) = await ImportAsync(app);
        var assignmentId = imported.AssignmentId!.Value;
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);
        var opened = (await Editing(app).LoadAsync(teacherId, assignmentId, questionId))!.KeywordVersion;
        Assert.Empty(await Editing(app).SaveAsync(teacherId, assignmentId, questionId, Edited, opened));

        // The second tab, opened on the same version, saves its own edit: it would silently undo the first tab's.
        var errors = await Editing(app).SaveAsync(teacherId, assignmentId, questionId, [new() { Phrase = "pooling" }], opened);

        Assert.True(Assert.Single(errors).ChangedMeanwhile);
        Assert.Equal(new[] { "downsampling", "strongest activation" }, (await KeywordsAsync(app, questionId)).Select(k => k.Phrase));
        // Saved again over the version it was refused by, knowingly, it replaces it.
        Assert.Empty(await Editing(app).SaveAsync(teacherId, assignmentId, questionId, [new() { Phrase = "pooling" }], opened + 1));
        Assert.Equal("pooling", Assert.Single(await KeywordsAsync(app, questionId)).Phrase);
    }

    [Theory, AllDatabaseProviders]
    public async Task TheKeyHistorySaysWhatEachChangeChangedNotOnlyThePhrases(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (teacherId, imported) = await ImportAsync(app);
        var assignmentId = imported.AssignmentId!.Value;
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);
        Assert.Empty(await Editing(app).SaveAsync(teacherId, assignmentId, questionId, Edited));
        // The same phrases: only a weight, an alternative and a required mark change, which the phrases alone hid.
        KeywordDraft[] reweighted =
        [
            new() { Phrase = "downsampling", Alternatives = "subsampling", Weight = 3, Required = true },
            new() { Phrase = "strongest activation", Weight = 0.5, Required = true },
        ];
        Assert.Empty(await Editing(app).SaveAsync(teacherId, assignmentId, questionId, reweighted));

        var versions = (await Editing(app).LoadAsync(teacherId, assignmentId, questionId))!.Versions;

        Assert.Equal(["downsampling", "strongest activation"], versions[0].Phrases);
        Assert.Equal("removed 'down-sampling' as an alternative of 'downsampling'; weight of 'downsampling' 2 → 3; 'strongest activation' made required",
            versions[0].Change);
        Assert.Contains("added 'downsampling'", versions[1].Change);
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorGetsTheEditorWithEachKeywordInLabelledAndExplainedFields(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (teacherId, imported) = await ImportAsync(app);
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);
        await Editing(app).SaveAsync(teacherId, imported.AssignmentId!.Value, questionId, Edited);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("teacher@quiz.local", TestUsers.Password);

        var page = await client.GetStringAsync($"/assignments/{imported.AssignmentId}/questions/{questionId}/keywords");
        var details = await client.GetStringAsync($"/assignments/{imported.AssignmentId}");

        Assert.Contains("Keywords of question 1", page);
        Assert.Contains("for=\"phrase-2\"", page);
        Assert.Contains("id=\"phrase-1\"", page);
        Assert.Contains("value=\"downsampling\"", page);
        Assert.Contains("value=\"subsampling, down-sampling\"", page);
        Assert.Contains("Reset to extracted", page);
        Assert.Contains($"assignments/{imported.AssignmentId}/questions/{questionId}/keywords", details);
        // Weight and Required are explained where they are edited; weights 2 and 0.5 make the first 80 % of the key.
        var parsed = Pages.Parse(page);
        string Description(string id) => string.Join(" ", parsed.GetElementById(id)!.GetAttribute("aria-describedby")!.Split(' ')
            .Select(d => parsed.GetElementById(d)!.Text()));
        Assert.StartsWith("80 % of the total weight Weight: how much a keyword counts.", Description("weight-1"));
        Assert.Contains("divided by the total weight (2.5 here); 70 % coverage earns full points", Description("weight-2"));
        Assert.StartsWith("20 % of the total weight", Description("weight-2"));
        Assert.Equal("Required: an answer without this keyword gets at most 50 % of the points, however much else it covers.",
            Description("required-1"));
    }

    [Theory, AllDatabaseProviders]
    public async Task WithGradingByMeaningTheEditorSaysCoverageIsOnlyPartOfTheScore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database, new Dictionary<string, string?>
        {
            ["Grading:Meaning"] = "true",
            ["Grading:MeaningKeywords"] = "false", // the import needs no model
        });
        var (_, imported) = await ImportAsync(app);
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("teacher@quiz.local", TestUsers.Password);

        var page = Pages.Parse(await client.GetStringAsync($"/assignments/{imported.AssignmentId}/questions/{questionId}/keywords"));
        var help = string.Join(" ", page.GetElementById("weight-help")!.Text().Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        // An answer with 71 % coverage scored 0.9 of 1 point: the help must not promise full points from 70 % coverage.
        Assert.DoesNotContain("70 % coverage earns full points", help);
        Assert.Contains("answers are graded by meaning too: coverage makes 30 % of the figure that earns points, how closely "
            + "the answer follows the model answer in meaning the other 70 %, and 70 % of that figure earns full points.", help);
    }

    [Theory, AllDatabaseProviders]
    public async Task ResetRestoresTheExtractedKeywords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (teacherId, imported) = await ImportAsync(app);
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);
        var extracted = (await KeywordsAsync(app, questionId)).Select(k => (k.Phrase, k.Weight, k.Required)).ToList();

        await Editing(app).SaveAsync(teacherId, imported.AssignmentId!.Value, questionId, Edited);
        await Editing(app).ResetToExtractedAsync(teacherId, imported.AssignmentId.Value, questionId);

        var restored = await KeywordsAsync(app, questionId);
        Assert.Equal(extracted, restored.Select(k => (k.Phrase, k.Weight, k.Required)));
        Assert.All(restored, k => Assert.Equal(KeywordOrigin.Extracted, k.Origin));
    }

    [Theory, AllDatabaseProviders]
    public async Task EditedKeywordsOfAnUnchangedQuestionSurviveReimport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (teacherId, imported) = await ImportAsync(app);
        var question2 = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 2);
        await Editing(app).SaveAsync(teacherId, imported.AssignmentId!.Value, question2, Edited);

        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        var preview = await Administration(app).PreviewAsync(adminId, Bytes(Documents.Revised), "week.md");
        var revised = await Administration(app).ImportAsync(adminId, Bytes(Documents.Revised), "week.md");

        Assert.Equal(new[] { "downsampling", "strongest activation" }, preview.Plan.Questions.Single(q => q.Number == 2).Keywords.Select(k => k.Phrase));
        var kept = await KeywordsAsync(app, await QuestionIdAsync(app, revised.AssignmentVersionId!.Value, 2));
        Assert.Equal(new[] { "downsampling", "strongest activation" }, kept.Select(k => k.Phrase));
        Assert.All(kept, k => Assert.Equal(KeywordOrigin.Edited, k.Origin));
        var changed = await KeywordsAsync(app, await QuestionIdAsync(app, revised.AssignmentVersionId.Value, 1));
        Assert.All(changed, k => Assert.Equal(KeywordOrigin.Extracted, k.Origin));
    }

    [Theory, AllDatabaseProviders]
    public async Task StudentCannotSeeSaveOrResetKeywords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (_, imported) = await ImportAsync(app);
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);
        var before = (await KeywordsAsync(app, questionId)).Select(k => k.Phrase).ToList();
        var studentId = await app.CreateUserIdAsync("student@quiz.local", Roles.Student);
        var assignmentId = imported.AssignmentId!.Value;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Editing(app).LoadAsync(studentId, assignmentId, questionId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Editing(app).SaveAsync(studentId, assignmentId, questionId, Edited));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Editing(app).ResetToExtractedAsync(studentId, assignmentId, questionId));
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("student@quiz.local", TestUsers.Password);
        using var page = await client.GetAsync($"/assignments/{assignmentId}/questions/{questionId}/keywords");

        Assert.Equal("/Account/AccessDenied", page.Headers.Location?.AbsolutePath);
        Assert.Equal(before, (await KeywordsAsync(app, questionId)).Select(k => k.Phrase));
    }

    [Theory, AllDatabaseProviders]
    public async Task AQuestionIsOnlyReachedThroughItsOwnAssignment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (teacherId, imported) = await ImportAsync(app);
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);
        var otherAssignment = imported.AssignmentId!.Value + 1;

        Assert.Null(await Editing(app).LoadAsync(teacherId, otherAssignment, questionId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Editing(app).SaveAsync(teacherId, otherAssignment, questionId, Edited));
        Assert.All(await KeywordsAsync(app, questionId), k => Assert.Equal(KeywordOrigin.Extracted, k.Origin));
    }

    public static TheoryData<KeywordDraft[], int, string> InvalidDrafts => new()
    {
        { [], -1, "" },
        { [new() { Phrase = "  ", Weight = 1 }], 0, nameof(KeywordDraft.Phrase) },
        { [new() { Phrase = "pooling", Weight = 0 }], 0, nameof(KeywordDraft.Weight) },
        { [new() { Phrase = "pooling", Weight = -2 }], 0, nameof(KeywordDraft.Weight) },
        { [new() { Phrase = "pooling", Weight = double.NaN }], 0, nameof(KeywordDraft.Weight) },
        // A billion (a slip for 1, or "1e9" tried): every other keyword would count 0 % of the score.
        { [new() { Phrase = "pooling", Weight = 1e9 }, new() { Phrase = "stride" }], 0, nameof(KeywordDraft.Weight) },
        { [new() { Phrase = "pooling" }, new() { Phrase = "Pooling" }], 1, nameof(KeywordDraft.Phrase) },
        // "filters" made an alternative of "kernels" while it is a keyword of its own: an answer saying it counts twice.
        { [new() { Phrase = "filters" }, new() { Phrase = "kernels", Alternatives = "Filters" }], 1, nameof(KeywordDraft.Alternatives) },
        { [new() { Phrase = "pooling", Alternatives = "subsampling" }, new() { Phrase = "stride", Alternatives = "step, subsampling" }], 1, nameof(KeywordDraft.Alternatives) },
        // The same keyword in another form: the grader matches every form of a word, so it adds nothing to its own
        // keyword and counts twice in another.
        { [new() { Phrase = "filter", Alternatives = "kernel, Filters" }], 0, nameof(KeywordDraft.Alternatives) },
        { [new() { Phrase = "pooling", Alternatives = "subsampling, subsample" }], 0, nameof(KeywordDraft.Alternatives) },
        { [new() { Phrase = "filters" }, new() { Phrase = "kernels", Alternatives = "filter" }], 1, nameof(KeywordDraft.Alternatives) },
        { [new() { Phrase = "filters" }, new() { Phrase = "Filter" }], 1, nameof(KeywordDraft.Phrase) },
        { [new() { Phrase = new string('x', 201) }], 0, nameof(KeywordDraft.Phrase) },
        { [new() { Phrase = "pooling", Alternatives = "max pooling, " + new string('x', 201) }], 0, nameof(KeywordDraft.Alternatives) },
        // Bounds on what one answer is compared with, so a pasted list cannot slow every grade of the question.
        { [.. Enumerable.Range(1, 51).Select(i => new KeywordDraft { Phrase = $"term {i}" })], -1, "" },
        { [new() { Phrase = "pooling", Alternatives = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"pool {i}")) }], 0, nameof(KeywordDraft.Alternatives) },
    };

    [Theory, MemberData(nameof(InvalidDrafts))]
    public void InvalidDraftIsRefusedOnItsField(KeywordDraft[] drafts, int row, string field)
    {
        var error = Assert.Single(KeywordDraft.Validate(drafts));

        Assert.Equal((row, field), (error.Row, error.Field));
    }

    [Fact]
    public void AnAlternativeTheGraderFindsAsAnotherKeywordFormIsRefusedSayingWhy()
    {
        var own = Assert.Single(KeywordDraft.Validate([new() { Phrase = "filter", Alternatives = "kernel, Filters" }]));
        var other = Assert.Single(KeywordDraft.Validate([new() { Phrase = "filters" }, new() { Phrase = "kernels", Alternatives = "filter" }]));
        var phrase = Assert.Single(KeywordDraft.Validate([new() { Phrase = "filters" }, new() { Phrase = "Filter" }]));

        Assert.Equal("'Filters' adds nothing: the grader finds it as 'filter' already, since it matches every form of a word.", own.Message);
        Assert.Equal("'filter' is keyword 1, 'filters', to the grader, which matches every form of a word: an answer that says it "
            + "would count for both. Keep it in one of them.", other.Message);
        Assert.Equal("This is keyword 1, 'filters', to the grader, which matches every form of a word: an answer would count for both.", phrase.Message);
        Assert.Empty(KeywordDraft.Validate([new() { Phrase = "filter", Alternatives = "filter bank, kernel" }, new() { Phrase = "filter size" }]));
    }

    [Fact]
    public void TheSeedsExtractedKeywordsPassTheRulesOfASave()
    {
        var questions = new QuizPlatform.Importing.AssignmentParser().Parse(SeedDocuments.Seed).Assignment!.Questions;
        var keys = new QuizPlatform.Grading.KeywordExtractor().Extract([.. questions.Select(q => new QuizPlatform.Grading.QuestionText(q.Prompt, q.ModelAnswer))]);

        // Else a teacher who only changed a weight could not save.
        Assert.All(keys, key => Assert.Empty(KeywordDraft.Validate([.. key.Select(KeywordDraft.From)])));
    }

    [Theory, AllDatabaseProviders]
    public async Task InvalidDraftStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var (teacherId, imported) = await ImportAsync(app);
        var questionId = await QuestionIdAsync(app, imported.AssignmentVersionId!.Value, 1);

        var errors = await Editing(app).SaveAsync(teacherId, imported.AssignmentId!.Value, questionId,
            [Edited[0], new KeywordDraft { Phrase = "zero", Weight = 0 }]);

        Assert.Equal((1, nameof(KeywordDraft.Weight)), (Assert.Single(errors).Row, errors[0].Field));
        Assert.All(await KeywordsAsync(app, questionId), k => Assert.Equal(KeywordOrigin.Extracted, k.Origin));
    }

    static async Task<(string TeacherId, ImportResult Imported)> ImportAsync(WebApplicationFactory<Program> app)
    {
        var teacherId = await app.CreateUserIdAsync("teacher@quiz.local", Roles.Instructor);
        var imported = await app.Services.GetRequiredService<AssignmentImporter>().ImportAsync(Bytes(Documents.Original), "week.md");
        return (teacherId, imported);
    }

    static async Task<int> QuestionIdAsync(WebApplicationFactory<Program> app, int versionId, int number)
    {
        await using var db = app.Services.CreateDbContext();
        return await db.Questions.Where(q => q.AssignmentVersionId == versionId && q.Number == number).Select(q => q.Id).SingleAsync();
    }

    static async Task<List<QuestionKeyword>> KeywordsAsync(WebApplicationFactory<Program> app, int questionId)
    {
        await using var db = app.Services.CreateDbContext();
        return await db.QuestionKeywords.Where(k => k.QuestionId == questionId).OrderBy(k => k.Position).ToListAsync();
    }

    static KeywordEditing Editing(WebApplicationFactory<Program> app) =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<KeywordEditing>();
}
