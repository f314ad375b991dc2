using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Startup;
using QuizPlatform.Grading;
using QuizPlatform.Cli.Grading;

namespace QuizPlatform.Cli;

/// <summary>
/// The services of the commands that use the database, built as the web app builds them: appsettings.json next
/// to the executable, environment variables (<c>Database__Provider</c>, <c>ConnectionStrings__Quiz</c>), then
/// command-line overrides, and the Data project's <c>AddQuizData</c>.
/// </summary>
public static class CliHost
{
    public static IHost Build(CliContext cli)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. cli.ConfigurationArgs],
            ContentRootPath = AppContext.BaseDirectory,
        });
        ApplyCheckoutDefaults(builder.Configuration, Directory.GetCurrentDirectory());

        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TextWriterLoggerProvider(cli.Stderr));
        // The commands print what the seeder and migrator would log (summaries, file:line diagnostics) themselves.
        builder.Logging.AddFilter(typeof(AssignmentSeeder).FullName, LogLevel.None);
        builder.Logging.AddFilter(typeof(DatabaseMigrator).FullName, LogLevel.Warning);
        builder.Services.AddQuizData();
        // As in the web app: with Grading:Meaning on (the default), import and seed choose keywords with the model.
        if (builder.Configuration.GetValue("Grading:Meaning", true))
            builder.Services.Replace(ServiceDescriptor.Singleton(_ => new KeywordExtractor { Encoder = MeaningModel.Encoder }));
        return builder.Build();
    }

    /// <summary>
    /// On the embedded SQLite database, applies pending migrations first (as the web app does at start-up), so
    /// commands work on a fresh clone. PostgreSQL is migrated only by <c>quiz migrate</c>.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IHost host, CliContext cli, CancellationToken ct)
    {
        var provider = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        if (provider != DatabaseProvider.Sqlite)
            return;
        var applied = await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        if (applied.Count > 0)
            await cli.Stderr.WriteLineAsync($"quiz: migrated the SQLite database ({applied.Count} migration(s) applied).");
    }

    /// <summary>
    /// Inside a checkout the CLI shares the web app's SQLite file and the repository's seeds (see
    /// <see cref="RepositoryLayout"/>); explicit configuration always wins.
    /// </summary>
    private static void ApplyCheckoutDefaults(IConfigurationManager configuration, string currentDirectory)
    {
        var defaults = new Dictionary<string, string?>();
        var isPostgres = string.Equals(configuration[DatabaseOptions.Section + ":Provider"], nameof(DatabaseProvider.Postgres),
            StringComparison.OrdinalIgnoreCase);
        if (!isPostgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(QuizDataServiceCollectionExtensions.ConnectionStringName)))
            defaults["ConnectionStrings:" + QuizDataServiceCollectionExtensions.ConnectionStringName] =
                "Data Source=" + RepositoryLayout.DefaultSqliteFile(currentDirectory);
        if (string.IsNullOrWhiteSpace(configuration[SeedingOptions.Section + ":Directory"]))
            defaults[SeedingOptions.Section + ":Directory"] = RepositoryLayout.DefaultSeedsDirectory(currentDirectory);
        if (defaults.Count > 0)
            configuration.AddInMemoryCollection(defaults);
    }
}
