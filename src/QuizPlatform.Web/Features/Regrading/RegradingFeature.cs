namespace QuizPlatform.Web.Features.Regrading;

public static class RegradingFeature
{
    /// <summary>
    /// Keyword edits previewed on a quiz and applied (also as suggested by the instructor's marks), regrades learned
    /// from those marks, and whole-quiz regrades of out-of-date grades.
    /// </summary>
    public static IServiceCollection AddRegradingFeature(this IServiceCollection services) =>
        services.AddSingleton<RegradePreview>().AddSingleton<KeywordSuggestions>().AddSingleton<LearnedRegrade>()
            .AddSingleton<RegradeJobs>().AddBackgroundWorker<RegradeWorker>();
}
