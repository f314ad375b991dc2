namespace QuizPlatform.Web.Features.Admission;

/// <summary>
/// Admission control for the expensive requests (sign-in, starting, handing in; <see cref="AdmissionGates"/>) and
/// 503 instead of 500 when the database is overloaded (<see cref="DatabaseOverload"/>). The pages take their place
/// at the gate themselves, so a refusal is their own page saying so, with a script that tries again.
/// </summary>
public static class AdmissionFeature
{
    public static IServiceCollection AddAdmissionFeature(this IServiceCollection services)
    {
        services.AddOptions<AdmissionOptions>().BindConfiguration(AdmissionOptions.Section);
        services.AddSingleton<AdmissionGates>();
        return services;
    }

    /// <summary>
    /// After the exception handler, before the status-code pages: the overloaded database's 503, then authentication
    /// (whose session lookup reads the database) and authorization, whose refusals (an API's 401 and 403) the
    /// status-code pages must not turn into the HTML not-found page.
    /// </summary>
    public static WebApplication UseAdmission(this WebApplication app)
    {
        app.UseMiddleware<DatabaseOverload>();
        // Called here rather than left to WebApplication, which would put both ahead of every other middleware.
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
