using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http.HttpResults;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.QuizResults.Export;
using QuizPlatform.Web.Features.SecurityHeaders;

namespace QuizPlatform.Web.Features.Audit;

public static class AuditFeature
{
    public static IServiceCollection AddAuditFeature(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ClientAddress>().AddScoped<CircuitHandler, ClientAddress.CircuitCapture>();
        return services.AddSingleton<AuditLog>().AddSingleton<AuditTrail>();
    }

    /// <summary><c>GET /admin/audit/export.csv</c> with the audit page's filters: the lines as CSV, admins only.</summary>
    public static IEndpointRouteBuilder MapAuditFeature(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/audit/export.csv", ExportAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin })
            .WithNoStore();
        return app;
    }

    static async Task<PushStreamHttpResult> ExportAsync(string? action, string? actor, string? subject, string? from, string? to,
        HttpContext http, AuditTrail trail, CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(action, actor, subject, AuditFilter.ParseDay(from), AuditFilter.ParseDay(to));
        var table = await trail.ExportAsync(Actor.IdOf(http.User), filter, cancellationToken);
        return TypedResults.Stream(stream => CsvExport.WriteAsync(table, stream, http.RequestAborted), CsvExport.ContentType, "audit-trail.csv");
    }
}
