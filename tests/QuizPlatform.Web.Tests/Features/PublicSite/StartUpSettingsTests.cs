using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using QuizPlatform.Web.Features.Mail;
using QuizPlatform.Web.Features.PublicSite;

namespace QuizPlatform.Web.Tests.Features.PublicSite;

/// <summary>Settings that would send links or mail to the wrong place stop the app at start, saying which and why.</summary>
public sealed class StartUpSettingsTests
{
    [Theory]
    [InlineData("Production", "App:PublicBaseUrl", null, "App:PublicBaseUrl is not set")]
    [InlineData("Production", "App:PublicBaseUrl", "quiz.school.example", "is not an absolute http(s) address")]
    [InlineData("Production", "App:PublicBaseUrl", "javascript:alert(1)", "is not an absolute http(s) address")]
    [InlineData("Production", "App:PublicBaseUrl", "https://quiz.school.example/?next=evil", "is not an absolute http(s) address")]
    [InlineData("Production", "App:PublicBaseUrl", "https://user:pw@quiz.school.example/", "is not an absolute http(s) address")]
    [InlineData("Development", "Mail:Host", "smtp.school.example", "Mail:FromAddress must be an e-mail address")]
    [InlineData("Development", "Mail:UserName", "mailer", null)] // no host: no mail, nothing to check
    [InlineData("Development", "ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownProxies must hold IP addresses")]
    [InlineData("Development", "ForwardedHeaders:KnownProxies:0", "proxy.local", "ForwardedHeaders:KnownProxies must hold IP addresses")]
    [InlineData("Development", "App:PublicBaseUrl", null, null)] // links use the request's own origin
    public void BadSettingsStopTheStart(string environment, string key, string? value, string? refusal)
    {
        var start = () => Validate(environment, ("App:PublicBaseUrl", "https://quiz.school.example/"), (key, value));

        if (refusal is null)
            start();
        else
            Assert.Contains(refusal, Assert.Throws<OptionsValidationException>(start).Message);
    }

    [Fact]
    public void ComposeVariablesLeftEmptyMeanNoMailAndNoProxyButLoopback()
    {
        var services = Validate("Production", ("App:PublicBaseUrl", "http://localhost:8080"), ("Mail:Host", ""), ("Mail:Port", ""),
            ("Mail:UserName", ""), ("Mail:Password", ""), ("Mail:FromAddress", ""), ("ForwardedHeaders:KnownNetworks:0", ""));

        Assert.False(services.GetRequiredService<IOptions<MailOptions>>().Value.Delivers);
    }

    private static ServiceProvider Validate(string environment, params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
            values[key] = value;
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .AddLogging()
            .AddPublicSiteFeature()
            .AddMailFeature()
            .BuildServiceProvider();
        // What the host runs before it starts anything: every ValidateOnStart option.
        services.GetRequiredService<IStartupValidator>().Validate();
        return services;
    }
}
