using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Quizzes;

/// <summary>A quiz without a close time, whose review waits for a close: the editor's warning, closing now, reopening.</summary>
public sealed class QuizClosingTests
{
    [Fact]
    public void EditorNamesTheReviewPartsThatWaitForACloseThatNeverComes()
    {
        var form = new QuizForm { ShowScore = ReviewVisibility.AfterClose, ShowKeywordFeedback = ReviewVisibility.Never };

        Assert.Equal(["their score", "the model answer"], form.ReviewWaitingForNoClose());
        form.ClosesAt = new DateTime(2027, 7, 1, 9, 0, 0);
        Assert.Empty(form.ReviewWaitingForNoClose());
    }

    [Theory, AllDatabaseProviders]
    public async Task ClosingNowShowsTheModelAnswerThatWaitedAndReopeningHidesItAgain(DatabaseProvider provider)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync(q => (q.ClosesAt, q.ShowModelAnswer) = (null, ReviewVisibility.AfterClose));
        var attemptId = await scene.GradedAsync(quizId, "Filters that detect edges.");
        var closing = scene.App.Services.GetRequiredService<QuizClosing>();
        using var sam = await scene.ClientAsync();

        var neverCloses = await ResultsScene.PageAsync(sam, attemptId);
        var closed = await closing.CloseNowAsync(scene.Scene.Alice, quizId);
        var afterClose = await ResultsScene.PageAsync(sam, attemptId);
        var reopened = await closing.ReopenAsync(scene.Scene.Alice, quizId, null);
        var afterReopen = await ResultsScene.PageAsync(sam, attemptId);

        Assert.Contains("Model answers are shown after the quiz closes, and it has no close time yet.", neverCloses.Text());
        Assert.Null(neverCloses.ByRole("heading", "Model answer"));
        Assert.Equal(new ClosingResult(true, scene.Now, null), closed);
        Assert.NotNull(afterClose.ByRole("heading", "Model answer"));
        Assert.Equal(new ClosingResult(true, null, null), reopened);
        Assert.Null(afterReopen.ByRole("heading", "Model answer"));
    }

    [Theory, AllDatabaseProviders]
    public async Task OnlyTheOwnerClosesAnOpenQuizAndReopensAClosedOneUntilALaterTime(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var open = await scene.AddQuizAsync();
        var notYetOpen = await scene.AddQuizAsync(q => q.OpensAt = scene.Now.AddHours(1));
        await scene.StartAttemptAsync(open); // closing is for started quizzes too: attempts keep their own deadline
        var closing = scene.App.Services.GetRequiredService<QuizClosing>();

        Assert.Equal("This quiz no longer exists.", (await closing.CloseNowAsync(scene.Bob, open)).Refusal);
        Assert.Equal("This quiz is open.", (await closing.ReopenAsync(scene.Alice, open, null)).Refusal);
        Assert.Contains("not opened yet", (await closing.CloseNowAsync(scene.Alice, notYetOpen)).Refusal);
        Assert.True((await closing.CloseNowAsync(scene.Alice, open)).Done);
        Assert.Equal("This quiz has already closed.", (await closing.CloseNowAsync(scene.Alice, open)).Refusal);
        Assert.Equal("The new close time must be in the future.",
            (await closing.ReopenAsync(scene.Alice, open, scene.Now.AddMinutes(-5))).Refusal);
        Assert.Equal("This quiz no longer exists.", (await closing.ReopenAsync(scene.Bob, open, null)).Refusal);
        var until = scene.Now.AddDays(2);
        Assert.Equal(new ClosingResult(true, until, null), await closing.ReopenAsync(scene.Alice, open, until));

        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(until, await db.Quizzes.Where(q => q.Id == open).Select(q => q.ClosesAt!.Value).SingleAsync(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(scene.Now.AddDays(1), await db.Quizzes.Where(q => q.Id == notYetOpen).Select(q => q.ClosesAt!.Value).SingleAsync(),
            TimeSpan.FromMilliseconds(1));
    }
}
