using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.AdminAssignments;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.Users;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Features.AdminAssignments.AssignmentImportTests;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.AdminAssignments;

/// <summary>
/// An admin deletes an assignment imported by mistake: every version, question and keyword goes, audited; one a quiz is
/// built on, or one the seeds folder would bring back, is kept with the reason; nobody else may delete.
/// </summary>
public sealed class AssignmentDeletionTests
{
    [Theory, AllDatabaseProviders]
    public async Task AnAssignmentNoQuizUsesIsDeletedWithItsVersionsQuestionsAndKeywords(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var admin = await UserAdminTests.AdminIdAsync(scene.App);
        var mistake = (await Administration(scene.App).ImportAsync(admin, Bytes(Documents.Original), "week.md")).AssignmentId!.Value;
        await Administration(scene.App).ImportAsync(admin, Bytes(Documents.Revised), "week-v2.md");
        await AddKeywordHistoryAsync(scene.App, mistake);
        int keywords;
        await using (var db = scene.App.Services.CreateDbContext())
            keywords = await db.QuestionKeywords.CountAsync(k => k.Question.AssignmentVersion.AssignmentId == mistake);

        var check = await Deletion(scene).CheckAsync(admin, mistake);
        var refusal = await Deletion(scene).DeleteAsync(admin, mistake);

        Assert.NotNull(check);
        Assert.Null(check.Refusal);
        Assert.Equal((2, 6, keywords), (check.Versions, check.Questions, check.Keywords));
        Assert.Equal($"2 versions, 6 questions and {keywords} keywords", check.WhatGoes);
        Assert.Null(refusal);
        Assert.Null(await Deletion(scene).CheckAsync(admin, mistake));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Deletion(scene).DeleteAsync(admin, mistake));
        await using var after = scene.App.Services.CreateDbContext();
        Assert.Equal(["Networks"], await after.Assignments.Select(a => a.Title).ToListAsync());
        Assert.Equal(3, await after.Questions.CountAsync());
        Assert.False(await after.KeywordSetVersions.AnyAsync());
        Assert.Equal($"Deleted the assignment Pooling week: 2 versions, 6 questions and {keywords} keywords.",
            await after.AuditEntries.Where(e => e.Action == AuditActions.AssignmentDeleted && e.ActorId == admin)
                .Select(e => e.Summary).SingleAsync());
        Assert.Contains("Pooling week", Assert.Single(await after.AuditEntries.Where(e => e.Subject == $"assignment:{mistake}"
            && e.Action == AuditActions.AssignmentDeleted).Select(e => e.Summary).ToListAsync()));
    }

    [Theory, AllDatabaseProviders]
    public async Task OnlyAnAdminMayDeleteAndAGuessedIdFindsNothing(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var admin = await UserAdminTests.AdminIdAsync(scene.App);
        var mistake = (await Administration(scene.App).ImportAsync(admin, Bytes(Documents.Original), "week.md")).AssignmentId!.Value;

        foreach (var someone in new[] { scene.Alice, scene.Sam, null })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Deletion(scene).CheckAsync(someone, mistake));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Deletion(scene).DeleteAsync(someone, mistake));
        }
        Assert.Null(await Deletion(scene).CheckAsync(admin, mistake + 1000));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Deletion(scene).DeleteAsync(admin, mistake + 1000));

        using var client = scene.App.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("alice@quiz.local", TestUsers.Password);
        using var response = await client.GetAsync($"/admin/assignments/{mistake}/delete");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(2, await db.Assignments.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AssignmentDeleted));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAssignmentWithAQuizOnAnyVersionIsKeptNamingTheQuizzes(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var admin = await UserAdminTests.AdminIdAsync(scene.App);
        await scene.AddQuizAsync(); // on version 1
        await scene.AddQuizAsync(q => q.Title = "Networks retake");
        int networks;
        await using (var db = scene.App.Services.CreateDbContext())
            networks = await db.AssignmentVersions.Where(v => v.Id == scene.VersionId).Select(v => v.AssignmentId).SingleAsync();
        var changed = """
            # Networks

            1. What does a convolution layer learn, and from what?

            ## Solution

            1. It learns local filters that detect features such as edges, from the training images.
            """;
        Assert.Equal(2, (await Administration(scene.App).ImportAsync(admin, Bytes(changed), "networks-v2.md")).Version);

        var refusal = await Deletion(scene).DeleteAsync(admin, networks);

        Assert.Equal("The quizzes “Networks quiz” and “Networks retake” are built on this assignment, so it is kept with them.", refusal);
        Assert.Equal(refusal, (await Deletion(scene).CheckAsync(admin, networks))!.Refusal);
        await using var after = scene.App.Services.CreateDbContext();
        Assert.Equal(2, await after.AssignmentVersions.CountAsync(v => v.AssignmentId == networks));
        Assert.False(await after.AuditEntries.AnyAsync(e => e.Action == AuditActions.AssignmentDeleted));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAssignmentTheSeedsFolderHoldsIsKeptUntilTheFileIsRemoved(DatabaseProvider provider)
    {
        var seeds = Directory.CreateTempSubdirectory("quiz-seeds-");
        try
        {
            await using var scene = await QuizScene.CreateAsync(provider, ("Seeding:Directory", seeds.FullName));
            var admin = await UserAdminTests.AdminIdAsync(scene.App);
            var mistake = (await Administration(scene.App).ImportAsync(admin, Bytes(Documents.Original), "week.md")).AssignmentId!.Value;
            await Administration(scene.App).ImportAsync(admin, Bytes(Documents.Revised), "week-v2.md");
            var seed = Path.Combine(seeds.FullName, "pooling.md");
            // Version 1's document, saved with other line endings: the seeder would find it by its content hash.
            await File.WriteAllTextAsync(seed, Documents.Original.Replace("\n", "\r\n"));
            await File.WriteAllTextAsync(Path.Combine(seeds.FullName, "other.md"), Documents.Original.Replace("Pooling week", "Other week"));

            var refusal = await Deletion(scene).DeleteAsync(admin, mistake);
            File.Delete(seed);
            // A document of the same title that no version holds: the seeder would import it as a new assignment.
            var sameTitle = Path.Combine(seeds.FullName, "pooling-draft.md");
            await File.WriteAllTextAsync(sameTitle, Documents.Original.Replace("the strongest activations", "the largest values"));
            var refusedForTitle = await Deletion(scene).DeleteAsync(admin, mistake);
            File.Delete(sameTitle);
            var deleted = await Deletion(scene).DeleteAsync(admin, mistake);

            Assert.Equal($"The seeds folder holds this assignment in {seed}, which would import it again at the next start-up. "
                + "Remove that file first, then delete the assignment.", refusal);
            Assert.Contains(sameTitle, refusedForTitle);
            Assert.Null(deleted);
            await using var db = scene.App.Services.CreateDbContext();
            Assert.False(await db.Assignments.AnyAsync(a => a.Id == mistake));
        }
        finally
        {
            seeds.Delete(recursive: true);
        }
    }

    static AssignmentDeletion Deletion(QuizScene scene) =>
        scene.App.Services.CreateScope().ServiceProvider.GetRequiredService<AssignmentDeletion>();

    /// <summary>An edit's replaced keyword set on the assignment's first question: history that goes with it.</summary>
    static async Task AddKeywordHistoryAsync(QuizAppFactory app, int assignmentId)
    {
        await using var db = app.Services.CreateDbContext();
        var question = await db.Questions.FirstAsync(q => q.AssignmentVersion.AssignmentId == assignmentId);
        db.KeywordSetVersions.Add(new KeywordSetVersion { QuestionId = question.Id, Version = 1, ReplacedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
