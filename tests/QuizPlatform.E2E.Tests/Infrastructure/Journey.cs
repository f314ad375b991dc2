namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>
/// A test class of browser journeys on one <see cref="QuizSite"/>. After each test the pages its browser contexts
/// visited are audited with axe (<see cref="PageAudit"/>) and the contexts closed: a violation fails that test.
/// </summary>
public abstract class Journey(QuizSite site) : IClassFixture<QuizSite>, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => site.Audit.AuditAndCloseAsync();
}
