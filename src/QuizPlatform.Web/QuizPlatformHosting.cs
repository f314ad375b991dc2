using QuizPlatform.Data;
using QuizPlatform.Web.Components;
using QuizPlatform.Web.Features.Accounts;
using QuizPlatform.Web.Features.AdminAssignments;
using QuizPlatform.Web.Features.Admission;
using QuizPlatform.Web.Features.AntiAutomation;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.Observability;
using QuizPlatform.Web.Features.PublicSite;
using QuizPlatform.Web.Features.Regrading;
using QuizPlatform.Web.Features.ReviewQueue;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.RegradeRequests;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Features.StudentResults;
using QuizPlatform.Web.Features.Rosters;
using QuizPlatform.Web.Features.SecurityHeaders;
using QuizPlatform.Web.Features.StudentHome;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Features.Users;

namespace QuizPlatform.Web;

public static class QuizPlatformHosting
{
    /// <summary>Blazor Server, Identity sign-in over the platform's database, and the start-up work (migrate, seed).</summary>
    public static WebApplicationBuilder AddQuizPlatform(this WebApplicationBuilder builder)
    {
        FormattingCulture.UseForThreads();
        var services = builder.Services;
        // Pasted assignment documents travel in one circuit message: allow the importer's size, not the 32 KB default.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 2 * AssignmentAdministration.MaxBytes);

        builder.AddSecurityHeadersFeature();
        builder.AddObservabilityFeature();
        services.AddQuizData().AddQuizStartup();
        services.AddAuditFeature();
        services.AddPublicSiteFeature();
        services.AddAccountsFeature().AddKeyRing(builder.Configuration);
        services.AddAntiAutomationFeature();
        services.AddAdmissionFeature();
        services.AddUsersFeature();
        services.AddAdminAssignmentsFeature();
        services.AddAssignmentsFeature();
        services.AddClassesFeature();
        services.AddQuizzesFeature();
        services.AddRostersFeature();
        services.AddStudentHomeFeature();
        services.AddTakingFeature().AddGradingFeature().AddStudentResultsFeature();
        services.AddQuizResultsFeature();
        services.AddMarkingFeature();
        services.AddRegradingFeature();
        services.AddRegradeRequestsFeature();
        services.AddReviewQueueFeature();
        return builder;
    }

    public static WebApplication MapQuizPlatform(this WebApplication app)
    {
        app.UsePublicSite();
        app.UseObservabilityFeature();
        app.UseSecurityHeadersFeature();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseFormattingCulture();
        app.UseAdmission();
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.UseAntiAutomation();
        app.UsePasswordChangeRequirement();
        app.UseAdminTwoFactorRequirement();

        app.MapStaticAssets().WithMetadata(NoSession.Metadata);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapObservabilityFeature();
        app.MapAdminAssignmentsFeature();
        app.MapTakingFeature();
        app.MapStudentResultsFeature();
        app.MapQuizResultsFeature();
        app.MapAuditFeature();
        return app;
    }
}
