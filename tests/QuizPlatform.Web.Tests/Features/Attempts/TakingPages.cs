using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.Classes;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Attempts;

/// <summary>
/// What the start and quiz page tests need on top of <see cref="QuizScene"/>: quizzes open now for Algebra (Sam's
/// class), more students in it, signed-in clients and the quiz page's save request.
/// </summary>
public static class TakingPages
{
    public static AttemptService AttemptService(this QuizScene scene) => scene.App.Services.GetRequiredService<AttemptService>();

    /// <summary>Alice's quiz for Algebra, open since yesterday until tomorrow, untimed unless <paramref name="change"/> says.</summary>
    public static async Task<int> OpenQuizAsync(this QuizScene scene, Action<QuizForm>? change = null, int? versionId = null)
    {
        var form = versionId is { } version ? await scene.Choices.NewFormAsync(version) : await scene.AliceFormAsync();
        (form.Title, form.ClassIds) = (form.Title == "" ? "Taking quiz" : form.Title, [scene.AlgebraId]);
        (form.OpensAt, form.ClosesAt, form.TimeLimitMinutes) = (scene.Now.AddDays(-1), scene.Now.AddDays(1), null);
        change?.Invoke(form);
        var created = await scene.Authoring.CreateAsync(scene.Alice, form, "UTC");
        Assert.True(created.Saved, string.Join("; ", created.Errors.Select(e => e.Message)));
        return created.QuizId!.Value;
    }

    /// <summary>A one-question assignment whose prompt is <paramref name="prompt"/>; returns its version id.</summary>
    public static async Task<int> ImportQuestionAsync(this QuizScene scene, string prompt)
    {
        var imported = await scene.App.Services.GetRequiredService<AssignmentImporter>().ImportAsync(Encoding.UTF8.GetBytes($"""
            # Hostile {Guid.NewGuid():N}

            1. {prompt}

            ## Solution

            1. A model answer.
            """), "hostile.md");
        return imported.AssignmentVersionId!.Value;
    }

    /// <summary>Another student in Algebra.</summary>
    public static async Task<string> EnrolStudentAsync(this QuizScene scene, string email)
    {
        var id = await scene.App.CreateUserIdAsync(email, Roles.Student);
        await using var db = scene.App.Services.CreateDbContext();
        var code = await db.Classes.Where(c => c.Id == scene.AlgebraId).Select(c => c.JoinCode).SingleAsync();
        await scene.App.Services.GetRequiredService<EnrollmentService>().JoinAsync(id, code);
        return id;
    }

    public static Task<HttpClient> SignedInAsync(this QuizScene scene, string email) => scene.App.CreateSignedInClientAsync(email);

    /// <summary>The quiz page's save: PUT with the token header and the header that asks for status codes, not redirects.</summary>
    public static Task<HttpResponseMessage> PutAnswerAsync(this HttpClient client, int attemptId, int questionId, string text,
        int baseVersion, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/attempts/{attemptId}/answers/{questionId}")
        {
            Content = JsonContent.Create(new { text, baseVersion }),
        };
        if (token is not null)
            request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return client.SendAsync(request);
    }
}
