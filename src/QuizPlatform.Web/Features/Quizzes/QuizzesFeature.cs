namespace QuizPlatform.Web.Features.Quizzes;

public static class QuizzesFeature
{
    public static IServiceCollection AddQuizzesFeature(this IServiceCollection services) =>
        services.AddSingleton<QuizAuthoring>().AddSingleton<QuizChoices>().AddSingleton<QuizClosing>();
}
