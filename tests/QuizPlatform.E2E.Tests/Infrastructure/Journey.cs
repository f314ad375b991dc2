using Xunit.Sdk;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// A test class of browser journeys on one <see cref="QuizSite"/>. After each test the pages its browser contexts
/// visited are audited with axe (<see cref="PageAudit"/>) and the contexts closed: a violation fails that test, and
/// so does anything the browser refused under the Content-Security-Policy (<see cref="PolicyViolations"/>).
/// </summary>
public abstract class Journey(QuizSite site) : IClassFixture<QuizSite>, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        IReadOnlyList<string> refused;
        try
        {
            await site.Audit.AuditAndCloseAsync();
        }
        finally
        {
            refused = site.PolicyViolations.Take();
        }
        if (refused.Count > 0)
            throw new XunitException($"The browser refused under the Content-Security-Policy:\n{string.Join("\n", refused)}");
    }
}
