using Microsoft.EntityFrameworkCore;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>Sam with an attempt in progress, signed in, holding the quiz page's token: what the save API tests send from.</summary>
public sealed record SamTaking(QuizScene Scene, HttpClient Sam, int QuizId, int AttemptId, int QuestionId, string Token) : IAsyncDisposable
{
    /// <param name="settings">App settings on top of the scene's, e.g. lower rate limits.</param>
    public static async Task<SamTaking> StartAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings)
    {
        var scene = await QuizScene.CreateAsync(provider, null, settings);
        var quiz = await scene.OpenQuizAsync();
        var attempt = (await scene.AttemptService().StartAsync(scene.Sam, quiz)).AttemptId!.Value;
        var question = (await scene.AttemptService().LoadAsync(scene.Sam, attempt))!.Questions[0].QuestionId;
        var sam = await scene.SignedInAsync("sam@quiz.local");
        return new SamTaking(scene, sam, quiz, attempt, question, await sam.AntiforgeryTokenAsync($"/attempts/{attempt}"));
    }

    /// <summary>The stored answer to <see cref="QuestionId"/>.</summary>
    public async Task<string> StoredTextAsync()
    {
        await using var db = Scene.App.Services.CreateDbContext();
        return await db.Responses.Where(r => r.AttemptId == AttemptId && r.QuestionId == QuestionId).Select(r => r.Text).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Sam.Dispose();
        await Scene.DisposeAsync();
    }
}
