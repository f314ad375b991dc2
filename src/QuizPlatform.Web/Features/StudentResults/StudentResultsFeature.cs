using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.StudentResults;

public static class StudentResultsFeature
{
    /// <summary>The reply of <see cref="GradingProgressAsync"/>.</summary>
    public sealed record GradingProgress(GradingStage Stage);

    public static IServiceCollection AddStudentResultsFeature(this IServiceCollection services) => services.AddSingleton<AttemptResults>();

    public static IEndpointRouteBuilder MapStudentResultsFeature(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/attempts/{attemptId:int}/grading", GradingProgressAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Student });
        return app;
    }

    /// <summary>
    /// <c>GET /api/attempts/{attemptId}/grading</c>: how far grading has come, which the results page asks while it
    /// waits (wwwroot/js/grading-progress.js): one small query where reloading the page would load every answer.
    /// Someone else's attempt looks exactly like one that does not exist.
    /// </summary>
    public static async Task<Results<Ok<GradingProgress>, NotFound, ForbidHttpResult>> GradingProgressAsync(int attemptId,
        ClaimsPrincipal user, AttemptResults results, CancellationToken cancellationToken)
    {
        try
        {
            return await results.StageAsync(Actor.IdOf(user), attemptId, cancellationToken) is { } stage
                ? TypedResults.Ok(new GradingProgress(stage))
                : TypedResults.NotFound();
        }
        catch (UnauthorizedAccessException)
        {
            return TypedResults.Forbid();
        }
    }
}
