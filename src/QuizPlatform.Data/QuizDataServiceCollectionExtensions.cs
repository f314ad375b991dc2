using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Demo;
using QuizPlatform.Data.Passwords;
using QuizPlatform.Data.Rosters;
using QuizPlatform.Grading;
using QuizPlatform.Data.Startup;

namespace QuizPlatform.Data;

public static class QuizDataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Quiz";

    /// <summary>
    /// The database (a context factory on the configured provider), Identity's stores and user manager, the
    /// assignment importer and the start-up work (migrate, roles and first admin, seeding). Shared by every host;
    /// the web app adds sign-in on top. Options are read when first needed, so test hosts can override them.
    /// </summary>
    public static IServiceCollection AddQuizData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddOptions<SeedingOptions>().BindConfiguration(SeedingOptions.Section);
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);

        services.AddDbContextFactory<QuizDbContext>(ConfigureProvider);

        // The user manager's token providers (password reset) need data protection; the web host adds it anyway,
        // a CLI host creating users (quiz seed --demo) would otherwise fail to build one.
        services.AddDataProtection();
        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<QuizDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordPolicy();

        services.AddSingleton(TimeProvider.System);
        // Keyword extraction by salience alone; a host with the sentence model replaces it (Grading:Meaning).
        services.TryAddSingleton(new KeywordExtractor());
        services.AddSingleton<AssignmentImporter>();
        services.AddSingleton<AssignmentSeeder>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<IdentityBootstrapper>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<RosterImport>();
        return services;
    }

    /// <summary>
    /// Runs the start-up work (migrations, roles and first admin, seeding) before the host serves, as the first hosted
    /// service: ASP.NET Core registers Data Protection's ahead of the app's, and it reads its key ring from the
    /// database, whose tables a first start has not made yet.
    /// </summary>
    public static IServiceCollection AddQuizStartup(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, QuizStartup>());
        return services;
    }

    static void ConfigureProvider(IServiceProvider services, DbContextOptionsBuilder options)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                // Without a connection string the model still builds (dotnet ef migrations add needs no server);
                // DatabaseMigrator says what is missing before anything connects.
                if (string.IsNullOrWhiteSpace(connectionString))
                    options.UseNpgsql(o => o.MigrationsAssembly("QuizPlatform.Migrations.Postgres"));
                else
                    options.UseNpgsql(PostgresConnection.WithDefaults(connectionString, database),
                        o => o.MigrationsAssembly("QuizPlatform.Migrations.Postgres")
                            .ExecutionStrategy(dependencies => new PostgresRestartRetry(dependencies)));
                break;
            case DatabaseProvider.Sqlite:
                options.UseSqlite(SqliteConnectionString(connectionString, contentRoot),
                    o => o.MigrationsAssembly("QuizPlatform.Migrations.Sqlite"));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{database.Provider}'.");
        }
        options.AddInterceptors(ControlCharacterGuard.Instance, ControlCharacterParameterGuard.Instance);
    }

    /// <summary>
    /// Default <c>App_Data/quiz.db</c>; a relative file is taken from the content root (not the working
    /// directory), and its folder is created so a fresh clone needs no set-up.
    /// </summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/quiz.db" : configured);
        var isFile = builder.Mode != SqliteOpenMode.Memory && builder.DataSource is not ("" or ":memory:");
        if (isFile)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    static void ConfigureIdentity(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedAccount = false; // no mail in development yet
        options.User.RequireUniqueEmail = true;
        PasswordPolicy.Configure(options.Password);
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }
}
