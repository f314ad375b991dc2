using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web;

namespace QuizPlatform.LoadHarness;

/// <summary>
/// Issue 13's start rush over real HTTP: the whole web app on Kestrel (loopback), a class of students each signed in
/// through the login form with its own cookies, each opening the quiz's start page, and then all of them pressing
/// "Start" at random moments within <see cref="RushSettings"/>' window: the form post, its redirect and the attempt
/// page it leads to are one start. Sign-in is set-up here, not measured (see docs/architecture.md on its cost).
/// </summary>
public static partial class StartRush
{
    const string Password = "Rush-start-Pa55word!";

    public static async Task<bool> RunAsync(string connectionString, RushSettings settings, TimeSpan window, TextWriter output)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The web app's name: its static web assets manifest and its components' assembly.
            ApplicationName = typeof(QuizPlatformHosting).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:" + QuizDataServiceCollectionExtensions.ConnectionStringName] = connectionString,
            ["Seeding:Enabled"] = "false",
            ["Grading:Meaning"] = "false",
            // Plain HTTP on loopback: the cookies cannot be HTTPS-only here.
            ["Accounts:SecureCookies"] = "false",
            ["App:PublicBaseUrl"] = "http://127.0.0.1/",
            ["AllowedHosts"] = "*",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection"] = "None",
        });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddQuizPlatform();
        await using var app = builder.Build();
        app.MapQuizPlatform();
        await app.StartAsync();
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");

        var rush = await RushClass.CreateAsync(app.Services, settings);
        await SetPasswordsAsync(app.Services, rush);
        output.WriteLine($"Start rush over HTTP: {rush.StudentIds.Count} students, {rush.Questions.Count} questions, starts spread over {window.TotalSeconds:F0} s; {baseAddress}");

        var emails = await EmailsAsync(app.Services, rush);
        var students = rush.StudentIds.Select(id => new Student(baseAddress, emails[id])).ToList();
        var setup = Stopwatch.StartNew();
        // Two at a time: each sign-in is one password hash, and the machine has two cores.
        await Parallel.ForEachAsync(students, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (student, ct) =>
        {
            await student.SignInAsync(ct);
            await student.OpenStartPageAsync(rush.QuizId, ct);
        });
        output.WriteLine($"  set-up: {students.Count} sign-ins and start pages in {setup.Elapsed.TotalSeconds:F1} s (not measured)");

        var starts = new Latencies();
        var posts = new Latencies();
        var pages = new Latencies();
        var failures = 0;
        var cpu = CpuTime.Now(settings.PostmasterPid);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(students.Select(async student =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * window.TotalMilliseconds));
            if (await student.StartAsync(rush.QuizId, CancellationToken.None) is var (post, page))
            {
                posts.Add(post);
                pages.Add(page);
                starts.Add(post + page);
            }
            else
                Interlocked.Increment(ref failures);
        }));
        output.WriteLine($"  start (POST, redirect, attempt page): {starts.Summary()}");
        output.WriteLine($"    the POST alone:                  {posts.Summary()}");
        output.WriteLine($"    the attempt page alone:          {pages.Summary()}");
        output.WriteLine($"  {wall.Elapsed.TotalSeconds:F1} s wall, {failures} failed; {CpuTime.Now(settings.PostmasterPid) - cpu}; load average {DeadlineRush.LoadAverage()}");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync();
        var attempts = await db.Attempts.CountAsync(a => a.QuizId == rush.QuizId);
        output.WriteLine($"  attempts stored: {attempts} of {students.Count}");
        foreach (var student in students)
            student.Dispose();
        await app.StopAsync();
        return failures == 0 && attempts == students.Count;
    }

    /// <summary>One real password hash, shared by the run's accounts: hashing it per account would only slow the set-up.</summary>
    static async Task SetPasswordsAsync(IServiceProvider services, RushClass rush)
    {
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        await using var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => rush.StudentIds.Contains(u.Id)).ExecuteUpdateAsync(set => set.SetProperty(u => u.PasswordHash, hash));
    }

    static async Task<Dictionary<string, string>> EmailsAsync(IServiceProvider services, RushClass rush)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => rush.StudentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email!);
    }

    /// <summary>A browser: its own cookies, the hidden fields of the last form it was shown.</summary>
    sealed class Student(Uri baseAddress, string email) : IDisposable
    {
        // Redirects are followed by hand, so the start's two requests are timed apart.
        readonly HttpClient http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        Dictionary<string, string> startForm = [];

        public async Task SignInAsync(CancellationToken ct)
        {
            var form = HiddenFields(await http.GetStringAsync("Account/Login", ct), "login");
            form["Input.Email"] = email;
            form["Input.Password"] = Password;
            using var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(form), ct);
            if (response.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"{email} did not sign in: {(int)response.StatusCode}");
        }

        public async Task OpenStartPageAsync(int quizId, CancellationToken ct) =>
            startForm = HiddenFields(await http.GetStringAsync($"quizzes/{quizId}/take", ct), "start-attempt");

        /// <summary>
        /// Ticks the timer box and presses Start, then follows the redirect; how long the POST and the attempt page
        /// took, or null when the attempt page did not come back.
        /// </summary>
        public async Task<(TimeSpan Post, TimeSpan Page)?> StartAsync(int quizId, CancellationToken ct)
        {
            var form = new Dictionary<string, string>(startForm) { ["Start.TimerUnderstood"] = "True" };
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync($"quizzes/{quizId}/take", new FormUrlEncodedContent(form), ct);
            var post = Stopwatch.GetElapsedTime(started);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } attempt)
                return null;
            started = Stopwatch.GetTimestamp();
            var page = await http.GetStringAsync(attempt, ct);
            return page.Contains("<quiz-attempt", StringComparison.Ordinal) ? (post, Stopwatch.GetElapsedTime(started)) : null;
        }

        /// <summary>The hidden fields (antiforgery token, form name) of the page's form named <paramref name="handler"/>.</summary>
        static Dictionary<string, string> HiddenFields(string page, string handler) =>
            FormElement().Matches(page).Select(form => HiddenInput().Matches(form.Value)
                    .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value)))
                .FirstOrDefault(fields => fields.GetValueOrDefault("_handler") == handler)
            ?? throw new InvalidOperationException($"The page has no form '{handler}'.");

        public void Dispose() => http.Dispose();
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
