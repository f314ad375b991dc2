using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.Admission;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Observability;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.Regrading;
using QuizPlatform.Web.Features.ReviewQueue;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.LoadHarness;

/// <summary>
/// The services as the web app composes them (QuizPlatformHosting): the data layer, taking, grading and results,
/// whose GradingWorker is the BackgroundService that grades in production. No HTTP, no Blazor.
/// </summary>
public static class AppServicesHost
{
    /// <param name="connectionString">A PostgreSQL database the harness may migrate.</param>
    /// <param name="settings">Configuration over the defaults and the environment (e.g. <c>Grading:Meaning</c>).</param>
    public static IHost Build(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:" + QuizDataServiceCollectionExtensions.ConnectionStringName] = connectionString,
            // Warnings and errors only (the grading worker's included); EF's failed probe for the not-yet-created
            // database during the first migration is expected and not worth a line.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection"] = "None",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddQuizData().AddTakingFeature().AddGradingFeature().AddQuizResultsFeature().AddRegradingFeature()
            .AddReviewQueueFeature().AddAuditFeature() // RegradeJobs writes audit lines
            .AddAdmissionFeature() // grading gives way to hand-ins at their gate, as in the app
            .AddSingleton<QuizMetrics>(); // the services count hand-ins and grades as the app does (ObservabilityFeature)
        return builder.Build();
    }
}
