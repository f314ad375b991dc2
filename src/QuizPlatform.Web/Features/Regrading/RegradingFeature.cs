namespace QuizPlatform.Web.Features.Regrading;

public static class RegradingFeature
{
    /// <summary>Keyword edits previewed on a quiz and applied, and whole-quiz regrades of out-of-date grades.</summary>
    public static IServiceCollection AddRegradingFeature(this IServiceCollection services) =>
        services.AddSingleton<RegradePreview>().AddSingleton<KeywordSuggestions>().AddSingleton<RegradeJobs>().AddBackgroundWorker<RegradeWorker>();
}
