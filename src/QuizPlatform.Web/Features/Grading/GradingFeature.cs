using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Web.Features.Grading;

public static class GradingFeature
{
    public static IServiceCollection AddGradingFeature(this IServiceCollection services)
    {
        services.AddOptions<GradingSettings>().BindConfiguration(GradingSettings.Section)
            .Validate(s => s.MeaningThreads >= 0, "Grading:MeaningThreads must be 0 (one per core) or more.")
            .Validate(s => s.ClaimLease > TimeSpan.Zero && s.PollInterval > TimeSpan.Zero, "Grading:ClaimLease and Grading:PollInterval must be positive.")
            .ValidateOnStart();
        // The model is loaded when first asked for (the first grade with Grading:Meaning on), once per process.
        services.TryAddSingleton<ITokenEncoder>(sp => new MiniLmEncoder(sp.GetRequiredService<IOptions<GradingSettings>>().Value.MeaningThreads));
        // Import, the seeder and "reset to extracted" choose keywords with the model too when grading uses it.
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<IOptions<GradingSettings>>().Value is { Meaning: true, MeaningKeywords: true }
            ? new KeywordExtractor { Encoder = sp.GetRequiredService<ITokenEncoder>() }
            : new KeywordExtractor()));
        return services.AddSingleton<GradingEngine>().AddSingleton<AttemptGrading>().AddSingleton<GradingQueue>()
            .AddSingleton<MeaningGrading>().AddBackgroundWorker<GradingWorker>().AddBackgroundWorker<MeaningWorker>().AddBackgroundWorker<GradeRecordBackfill>();
    }
}
