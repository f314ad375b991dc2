namespace QuizPlatform.Web.Features.Grading;

public static class GradingFeature
{
    public static IServiceCollection AddGradingFeature(this IServiceCollection services) =>
        services.AddSingleton<AttemptGrading>().AddSingleton<GradingQueue>()
            .AddBackgroundWorker<GradingWorker>().AddBackgroundWorker<GradeRecordBackfill>();
}
