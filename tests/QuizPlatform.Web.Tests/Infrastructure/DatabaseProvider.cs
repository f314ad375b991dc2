using System.Reflection;
using Xunit.Sdk;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>The value of the <c>Database:Provider</c> setting; data tests run each scenario on both.</summary>
public enum DatabaseProvider
{
    Postgres,
    Sqlite,
}

/// <summary>
/// Feeds a <c>[Theory]</c> one <see cref="DatabaseProvider"/> argument per provider, so a scenario cannot forget one:
/// <code>[Theory, AllDatabaseProviders] public async Task X(DatabaseProvider provider)</code>
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllDatabaseProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Enum.GetValues<DatabaseProvider>().Select(provider => new object[] { provider });
}
