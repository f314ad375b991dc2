using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components;
using QuizPlatform.Web.Components.Account;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Quizzes;

namespace QuizPlatform.Web;

public static class QuizPlatformHosting
{
    /// <summary>Blazor Server, Identity sign-in over the platform's database, and the start-up work (migrate, seed).</summary>
    public static WebApplicationBuilder AddQuizPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddQuizData().AddQuizStartup();
        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        services.AddClassesFeature();
        services.AddQuizzesFeature();
        // Compose and load balancers probe this: healthy only when the database answers.
        services.AddHealthChecks().AddDbContextCheck<QuizDbContext>();
        return builder;
    }

    public static WebApplication MapQuizPlatform(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapHealthChecks("/health");
        return app;
    }
}
