using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.AdminAssignments;

public static class AdminAssignmentsFeature
{
    public static IServiceCollection AddAdminAssignmentsFeature(this IServiceCollection services) =>
        services.AddScoped<AssignmentAdministration>();

    /// <summary><c>GET /admin/assignments/{id}/export?version=N</c>: the version (latest by default) as a Markdown download.</summary>
    public static IEndpointRouteBuilder MapAdminAssignmentsFeature(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/assignments/{id:int}/export", async (int id, int? version, ClaimsPrincipal user,
                AssignmentAdministration administration) =>
            {
                try
                {
                    var document = await administration.ExportAsync(Actor.IdOf(user), id, version);
                    return document is null
                        ? Results.NotFound()
                        : Results.File(Encoding.UTF8.GetBytes(document.Markdown), "text/markdown; charset=utf-8", document.FileName);
                }
                catch (UnauthorizedAccessException)
                {
                    return Results.Forbid();
                }
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        return app;
    }
}
