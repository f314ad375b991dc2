namespace QuizPlatform.Web.Features.Rosters;

public static class RostersFeature
{
    public static IServiceCollection AddRostersFeature(this IServiceCollection services) =>
        services.AddSingleton<RosterService>().AddScoped<StudentInvitations>();
}
