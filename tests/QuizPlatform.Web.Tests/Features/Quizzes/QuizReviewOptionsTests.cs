using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Quizzes;

/// <summary>
/// The editor's options for the review queue (spot-check share, holding scores, the regrade request window) and for
/// showing missing keywords while attempts remain.
/// </summary>
public sealed class QuizReviewOptionsTests
{
    [Theory, AllDatabaseProviders]
    public async Task OptionsStartOffAreStoredAndShownAgainEvenAfterStudentsStartedAndACopyKeepsThem(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quizId = (await scene.Authoring.CreateAsync(scene.Alice, await scene.AliceFormAsync(), "UTC")).QuizId!.Value;
        var fresh = (await scene.Authoring.LoadAsync(scene.Alice, quizId, "UTC"))!.Form;
        await scene.StartAttemptAsync(quizId);

        fresh.SpotCheckPercent = 12.5;
        fresh.HoldScoresUntilReviewed = true;
        fresh.RegradeRequestDays = 7;
        fresh.ShowMissingKeywordsWhileAttemptsRemain = true;
        var saved = await scene.Authoring.UpdateAsync(scene.Alice, quizId, fresh, "UTC");
        var loaded = (await scene.Authoring.LoadAsync(scene.Alice, quizId, "UTC"))!.Form;
        var copy = (await scene.Authoring.CopyAsync(scene.Alice, quizId)).QuizId!.Value;

        Assert.True(saved.Saved, string.Join("; ", saved.Errors.Select(e => e.Message)));
        Assert.Equal((12.5, true, (int?)7), (loaded.SpotCheckPercent, loaded.HoldScoresUntilReviewed, loaded.RegradeRequestDays));
        Assert.True(loaded.ShowMissingKeywordsWhileAttemptsRemain);
        await using var db = scene.App.Services.CreateDbContext();
        foreach (var id in new[] { quizId, copy })
        {
            var quiz = await db.Quizzes.SingleAsync(q => q.Id == id);
            Assert.Equal((0.125, true, (TimeSpan?)TimeSpan.FromDays(7)), (quiz.SpotCheckShare, quiz.HoldScoresUntilReviewed, quiz.RegradeRequestWindow));
            Assert.True(quiz.ShowMissingKeywordsWhileAttemptsRemain);
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task ANewQuizHasNoSpotChecksNoHoldAndNoRegradeRequests(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);

        var quizId = (await scene.Authoring.CreateAsync(scene.Alice, await scene.AliceFormAsync(), "UTC")).QuizId!.Value;

        await using var db = scene.App.Services.CreateDbContext();
        var quiz = await db.Quizzes.SingleAsync(q => q.Id == quizId);
        Assert.Equal((0.0, false, (TimeSpan?)null), (quiz.SpotCheckShare, quiz.HoldScoresUntilReviewed, quiz.RegradeRequestWindow));
        Assert.False(quiz.ShowMissingKeywordsWhileAttemptsRemain);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 101.0, null, nameof(QuizForm.SpotCheckPercent))]
    [InlineData(DatabaseProvider.Sqlite, -1.0, null, nameof(QuizForm.SpotCheckPercent))]
    [InlineData(DatabaseProvider.Postgres, 0.0, 0, nameof(QuizForm.RegradeRequestDays))]
    [InlineData(DatabaseProvider.Postgres, 0.0, 366, nameof(QuizForm.RegradeRequestDays))]
    public async Task OutOfRangeOptionsAreRefusedNextToTheirField(DatabaseProvider provider, double percent, int? days, string field)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var form = await scene.AliceFormAsync();
        form.SpotCheckPercent = percent;
        form.RegradeRequestDays = days;

        var result = await scene.Authoring.CreateAsync(scene.Alice, form, "UTC");

        Assert.False(result.Saved);
        Assert.Contains(result.Errors, e => e.Field.FieldName == field);
    }

    [Theory]
    [InlineData(2, ReviewVisibility.Immediately, true)]
    [InlineData(1, ReviewVisibility.Immediately, false)]
    [InlineData(2, ReviewVisibility.AfterClose, false)]
    [InlineData(3, ReviewVisibility.Never, false)]
    public async Task TheEditorWarnsWhenMissingKeywordsFollowEachOfSeveralAttempts(int attempts, ReviewVisibility feedback, bool warned)
    {
        var form = new QuizForm { AttemptsAllowed = attempts, ShowKeywordFeedback = feedback };
        await using var bunit = new BunitContext();
        var editor = bunit.Render<MissingKeywordsOption>(p => p.Add(o => o.Form, form).AddCascadingValue(new EditContext(form)));
        const string Warning = "one empty attempt hands them the keywords to write into the next";

        Assert.DoesNotContain(Warning, Pages.Parse(editor.Markup).Text()); // off by default: no warning
        Assert.Contains("the missing ones once the student has no attempts left or the quiz closes",
            editor.Find("#" + editor.Find("#show-missing-keywords").GetAttribute("aria-describedby")).TextContent);
        await editor.Find("#show-missing-keywords").ChangeAsync(new ChangeEventArgs { Value = true });

        Assert.True(form.ShowMissingKeywordsWhileAttemptsRemain);
        Assert.Equal(warned, Pages.Parse(editor.Markup).Text().Contains(Warning));
    }
}
