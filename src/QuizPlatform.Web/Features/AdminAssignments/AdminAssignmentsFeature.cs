using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.SecurityHeaders;

namespace QuizPlatform.Web.Features.AdminAssignments;

public static class AdminAssignmentsFeature
{
    public static IServiceCollection AddAdminAssignmentsFeature(this IServiceCollection services) =>
        services.AddScoped<AssignmentAdministration>().AddScoped<AssignmentDeletion>();

    public static IEndpointRouteBuilder MapAdminAssignmentsFeature(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/assignments/{id:int}/export", ExportAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin })
            .WithNoStore();
        return app;
    }

    /// <summary><c>GET /admin/assignments/{id}/export?version=N</c>: the version (latest by default) as a Markdown download.</summary>
    static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> ExportAsync(int id, int? version,
        ClaimsPrincipal user, AssignmentAdministration administration)
    {
        try
        {
            var document = await administration.ExportAsync(Actor.IdOf(user), id, version);
            return document is null
                ? TypedResults.NotFound()
                : TypedResults.File(Encoding.UTF8.GetBytes(document.Markdown), "text/markdown; charset=utf-8", document.FileName);
        }
        catch (UnauthorizedAccessException)
        {
            return TypedResults.Forbid();
        }
    }
}
