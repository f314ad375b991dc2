namespace QuizPlatform.Web.Features.RegradeRequests;

public static class RegradeRequestsFeature
{
    /// <summary>Students' regrade requests on their answers and the instructor's inbox that answers them.</summary>
    public static IServiceCollection AddRegradeRequestsFeature(this IServiceCollection services) =>
        services.AddSingleton<RegradeRequests>().AddSingleton<RegradeInbox>();
}
