using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Instances;
using QuizPlatform.Web.Features.QuizResults.Export;
using QuizPlatform.Web.Features.SecurityHeaders;

namespace QuizPlatform.Web.Features.QuizResults;

public static class QuizResultsFeature
{
    /// <summary>The instructor's results pages, their live updates and exports.</summary>
    public static IServiceCollection AddQuizResultsFeature(this IServiceCollection services)
    {
        services.AddInstancesFeature().AddSingleton<QuizActivity>().AddHostedService<QuizActivityRelay>()
            .AddSingleton<IInstanceMessageReceiver>(provider => provider.GetRequiredService<QuizActivity>());
        services.AddSingleton<QuizResults>().AddSingleton<AnswerReview>().AddSingleton<QuizExports>();
        return services;
    }

    /// <summary><c>GET /quizzes/{quizId}/export/{table}.{format}</c>: grades, responses or items as csv or xlsx.</summary>
    public static IEndpointRouteBuilder MapQuizResultsFeature(this IEndpointRouteBuilder app)
    {
        app.MapGet("/quizzes/{quizId:int}/export/{table}.{format}", ExportAsync)
            // Signed in is enough here: the service lets only the quiz's owner and admins in, so a student gets the
            // same 404 as a stranger rather than a redirect that says "this exists, but not for you".
            .RequireAuthorization()
            .WithNoStore();
        return app;
    }

    /// <summary>
    /// Streams the table as it is read. Another instructor's quiz, a student, a guessed id or an unknown table or format
    /// all get 404.
    /// </summary>
    static async Task<Results<PushStreamHttpResult, NotFound>> ExportAsync(int quizId, string table, string format,
        [FromQuery(Name = "class")] int? classId, HttpContext http, QuizExports exports, AuditLog audit, CancellationToken cancellationToken)
    {
        var writer = format switch
        {
            "csv" => (Write: (Func<ExportTable, Stream, CancellationToken, Task>)CsvExport.WriteAsync, CsvExport.ContentType),
            "xlsx" => (Write: XlsxExport.WriteAsync, XlsxExport.ContentType),
            _ => default,
        };
        if (writer.Write is null)
            return TypedResults.NotFound();
        var export = await exports.TableAsync(Actor.IdOf(http.User), quizId, table, classId, cancellationToken);
        if (export is null)
            return TypedResults.NotFound();
        await audit.WriteAsync(Actor.IdOf(http.User), AuditActions.ResultsExported, AuditSubject.Quiz(quizId),
            $"Exported the {table} table as {format}" + (classId is { } c ? $" for class {c}." : "."), cancellationToken: cancellationToken);
        return TypedResults.Stream(stream => writer.Write(export, stream, http.RequestAborted), writer.ContentType,
            FormattableString.Invariant($"quiz-{quizId}-{table}.{format}"));
    }
}
