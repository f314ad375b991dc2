using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Tests.Support;

public static class AppQueries
{
    /// <summary>A new context on the app's database, as a component would open one.</summary>
    public static QuizDbContext CreateDbContext(this IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContext();
}
