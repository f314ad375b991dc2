namespace QuizPlatform.Web.Features.ReviewQueue;

public static class ReviewQueueFeature
{
    /// <summary>The instructor's review queue: the grader's doubtful answers, one at a time.</summary>
    public static IServiceCollection AddReviewQueueFeature(this IServiceCollection services) =>
        services.AddSingleton<ReviewQueues>();
}
