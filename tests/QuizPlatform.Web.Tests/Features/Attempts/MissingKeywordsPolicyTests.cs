using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// Keyword feedback names the missing keywords only once the student cannot answer again (ReviewPolicy), on the results
/// page and wherever else a student reads them (the regrade request's list of missing keywords).
/// </summary>
public sealed class MissingKeywordsPolicyTests
{
    static readonly string[] Answers = ["It learns local filters that detect edges.", "Pooling reduces the spatial size.", "Overfitting."];

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "an attempt left", false)]
    [InlineData(DatabaseProvider.Postgres, "the last attempt in progress", false)]
    [InlineData(DatabaseProvider.Sqlite, "both attempts handed in", true)]
    [InlineData(DatabaseProvider.Postgres, "the quiz closed", true)]
    [InlineData(DatabaseProvider.Sqlite, "the quiz's option on", true)]
    public async Task MissingKeywordsOfTheFirstOfTwoAttemptsShowOnlyOnceNoAttemptRemains(DatabaseProvider provider, string situation, bool shown)
    {
        await using var scene = await ResultsScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync(q => (q.AttemptsAllowed, q.RegradeRequestWindow) = (2, TimeSpan.FromDays(7)));
        var first = await scene.GradedAsync(quizId, Answers);
        switch (situation)
        {
            case "the last attempt in progress": await scene.AnswerAsync(quizId, "Still writing."); break;
            case "both attempts handed in": await scene.GradedAsync(quizId, Answers); break;
            case "the quiz closed": await scene.ChangeQuizAsync(quizId, q => q.ClosesAt = scene.Now.AddMinutes(-1)); break;
            case "the quiz's option on": await scene.ChangeQuizAsync(quizId, q => q.ShowMissingKeywordsWhileAttemptsRemain = true); break;
        }

        var feedback = (await scene.Results.LoadAsync(scene.Sam, first))!.Questions[0].Feedback!;
        using var sam = await scene.ClientAsync();
        var card = ResultsScene.Question(await ResultsScene.PageAsync(sam, first), 1);
        var regrade = await scene.App.Services.GetRequiredService<QuizPlatform.Web.Features.RegradeRequests.RegradeRequests>().PanelAsync(scene.Sam, first, 1);

        Assert.Equal(["filters", "edges"], feedback.Matched.Select(k => k.Phrase)); // found keywords are always shown
        string[] missing = shown ? ["weights"] : [];
        Assert.Equal(missing, feedback.Missing.Select(k => k.Phrase));
        Assert.Equal(!shown, feedback.MissingHeld);
        Assert.Equal(shown ? "weights" : "Shown once you have no attempts left or the quiz closes.", card.UnderHeading("Keywords missing").Text());
        Assert.Equal(shown, card.OuterHtml.Contains("weights"));
        Assert.Equal(missing, regrade!.MissingKeywords);
    }
}
