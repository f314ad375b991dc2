using Xunit.Abstractions;
using Xunit.Sdk;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// A test class of browser journeys on one <see cref="QuizSite"/>. After each test the pages its browser contexts
/// visited are audited with axe (<see cref="PageAudit"/>) and the contexts closed: a violation fails that test, and
/// so does anything the browser refused under the Content-Security-Policy or a script error nothing caught
/// (<see cref="PageProblems"/>). What the pages and the site did goes to the test's output (<see cref="SiteJournal"/>).
/// </summary>
public abstract class Journey(QuizSite site, ITestOutputHelper output) : IClassFixture<QuizSite>, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        IReadOnlyList<string> problems;
        try
        {
            await site.Audit.AuditAndCloseAsync();
        }
        finally
        {
            problems = site.PageProblems.Take();
            foreach (var entry in site.Journal.Take())
                output.WriteLine(entry);
        }
        if (problems.Count > 0)
            throw new XunitException($"The pages had problems:\n{string.Join("\n", problems)}");
    }
}
