using Microsoft.AspNetCore.Mvc.Testing;

namespace QuizPlatform.Web.Tests.Features.Classes;

/// <summary>A client that shows redirects instead of following them, for access tests.</summary>
public static class People
{
    public static HttpClient SignedOutClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
