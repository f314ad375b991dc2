using System.CommandLine;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Rosters;
using QuizPlatform.Data.Startup;

namespace QuizPlatform.Cli.Commands;

/// <summary>
/// <c>quiz roster import FILE [--class NAME] [--instructor EMAIL] [--passwords FILE] [--must-change-password] [--dry-run]</c>:
/// the admin's roster page from a terminal, through the same <see cref="RosterImport"/>: every line checked first (the
/// page's messages, with line numbers), then all applied in one transaction or none. A roster that would change
/// nothing is not applied (no audit line), so running it twice is safe. New students get the file's password, or a
/// generated one-time password written to a file only the caller can read, never to the terminal or a log.
/// </summary>
public static class RosterCommand
{
    public const string DefaultPasswordFile = "one-time-passwords.csv";

    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "The roster (CSV): a header naming email, name, class and optionally password, then one student per line." };
        file.AcceptExistingOnly();
        var className = new Option<string>("--class") { Description = "The class of every line that names none (the file may then leave out the class column)." };
        var instructor = new Option<string>("--instructor")
        {
            Description = "Create the classes the roster names that do not exist yet, taught by this active instructor (email). Without it a missing class is an error.",
        };
        var passwords = new Option<FileInfo>("--passwords")
        {
            Description = $"Where the generated one-time passwords go (default ./{DefaultPasswordFile}; never overwritten, readable by you only).",
        };
        var mustChange = new Option<bool>("--must-change-password") { Description = "Passwords given in the file must be changed at first sign-in too, as generated ones must." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what each line would do without changing anything." };

        var import = new Command("import", "Create missing students and enrol them, as the admin's roster page does.")
        {
            file, className, instructor, passwords, mustChange, dryRun,
        };
        import.SetAction((parse, ct) => RunAsync(cli, new Request(parse.GetRequiredValue(file), parse.GetValue(className), parse.GetValue(instructor),
            parse.GetValue(passwords) ?? new FileInfo(DefaultPasswordFile), parse.GetValue(mustChange), parse.GetValue(dryRun)), ct));
        return new Command("roster", "Import class rosters.") { import };
    }

    sealed record Request(FileInfo File, string? ClassName, string? Instructor, FileInfo Passwords, bool MustChange, bool DryRun);

    static async Task<int> RunAsync(CliContext cli, Request request, CancellationToken ct)
    {
        var csv = await File.ReadAllTextAsync(request.File.FullName, ct);
        var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), request.File.FullName);
        using var host = CliHost.Build(cli);
        await CliHost.PrepareDatabaseAsync(host, cli, ct);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuizDbContext>();
        var roster = scope.ServiceProvider.GetRequiredService<RosterImport>();

        string? instructorId = null;
        if (request.Instructor is not null)
        {
            var email = request.Instructor.Trim().ToUpperInvariant();
            instructorId = await db.ActiveUsersInRole(Roles.Instructor).Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleOrDefaultAsync(ct);
            if (instructorId is null)
            {
                await cli.Stderr.WriteLineAsync($"quiz roster import: no active instructor has the email {request.Instructor}.");
                return ExitCodes.Failed;
            }
        }
        var options = new RosterOptions
        {
            DefaultClass = string.IsNullOrWhiteSpace(request.ClassName) ? null : request.ClassName.Trim(),
            NewClassInstructor = _ => instructorId,
            MissingClassAdvice = "create it with --instructor EMAIL (its teacher), or correct the line.",
            TakesPasswords = true,
            GeneratesPasswords = true,
            GivenPasswordsMustChange = request.MustChange,
        };

        var plan = await roster.PreviewAsync(csv, options, ct);
        await WriteLinesAsync(cli, name, plan);
        if (!plan.CanApply)
        {
            await cli.Stdout.WriteLineAsync(plan.FileError is not null
                ? $"{name}: invalid; nothing was imported."
                : $"{name}: {plan.Count(RosterOutcome.Error)} line(s) with errors; nothing was imported.");
            return ExitCodes.Failed;
        }
        if (plan.StudentsToCreate == 0 && plan.EnrolmentsToAdd == 0 && plan.ClassesToCreate == 0)
        {
            await cli.Stdout.WriteLineAsync($"{name}: unchanged: every student of its {plan.Rows.Count} line(s) is already enrolled; nothing to do.");
            return ExitCodes.Success;
        }
        if (request.DryRun)
        {
            await cli.Stdout.WriteLineAsync($"{name}: dry run: {plan.Summary(applied: false)}; nothing stored.");
            return ExitCodes.Success;
        }

        // Opened before anything is stored, so the passwords of accounts just made always have somewhere to go.
        var generates = plan.Rows.Any(r => r.Outcome == RosterOutcome.Created && r.Line.Password is null);
        await using var passwordFile = generates ? OpenPasswordFile(request.Passwords) : null;
        if (generates && passwordFile is null)
        {
            await cli.Stderr.WriteLineAsync($"quiz roster import: {request.Passwords.FullName} exists: move it away or name another file with --passwords.");
            return ExitCodes.Usage;
        }
        // A database the web app never started on has no roles yet; a dry run or a refused roster writes nothing.
        await scope.ServiceProvider.GetRequiredService<IdentityBootstrapper>().EnsureRolesAsync();
        if (plan.StudentsToCreate > 0)
            await cli.Stderr.WriteLineAsync($"Creating {plan.StudentsToCreate} student(s): hashing their passwords on {Environment.ProcessorCount} core(s).");
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        RosterResult result;
        try
        {
            result = await roster.ApplyAsync(csv, options, applied => AddAuditLineAsync(db, clock, applied), ct);
        }
        catch
        {
            await DiscardAsync(passwordFile);
            throw;
        }
        if (!result.Applied)
        {
            // Someone changed the accounts or classes since the check above.
            await DiscardAsync(passwordFile);
            await WriteLinesAsync(cli, name, result.Plan);
            await cli.Stdout.WriteLineAsync($"{name}: {result.Plan.FileError ?? $"{result.Plan.Count(RosterOutcome.Error)} line(s) with errors"}; nothing was imported.");
            return ExitCodes.Failed;
        }
        await cli.Stdout.WriteLineAsync($"{name}: applied: {result.Plan.Summary(applied: true)}.");
        if (passwordFile is not null)
        {
            await WritePasswordsAsync(passwordFile, result.Passwords);
            await cli.Stdout.WriteLineAsync($"One-time passwords of {result.Passwords.Count} new student(s): {request.Passwords.FullName} "
                + "(readable by you only). Hand them over, then delete the file; each must be changed at first sign-in.");
        }
        return ExitCodes.Success;
    }

    /// <summary>Each line's error or note as <c>file:line: error|note: message</c> on standard error, as <c>quiz import</c> reports a document.</summary>
    static async Task WriteLinesAsync(CliContext cli, string name, RosterPreview plan)
    {
        if (plan.FileError is not null)
            await cli.Stderr.WriteLineAsync($"{name}: error: {plan.FileError}");
        foreach (var row in plan.Rows)
        {
            if (row.Outcome == RosterOutcome.Error)
                await cli.Stderr.WriteLineAsync($"{name}:{row.Line.Line}: error: {row.Reason}");
            if (row.Note is not null)
                await cli.Stderr.WriteLineAsync($"{name}:{row.Line.Line}: note: {row.Note}");
        }
    }

    static async Task DiscardAsync(FileStream? passwordFile)
    {
        if (passwordFile is null)
            return;
        await passwordFile.DisposeAsync();
        File.Delete(passwordFile.Name);
    }

    /// <summary>The file for the passwords, new and readable by its owner only; null when it exists already.</summary>
    static FileStream? OpenPasswordFile(FileInfo file)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            return new FileStream(file.FullName, options);
        }
        catch (IOException) when (file.Exists)
        {
            return null;
        }
    }

    static async Task WritePasswordsAsync(Stream output, IReadOnlyList<OneTimePassword> passwords)
    {
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var column in OneTimePassword.Columns)
            csv.WriteField(column);
        await csv.EndRecordAsync();
        foreach (var password in passwords)
        {
            csv.WriteField(password.Email);
            csv.WriteField(password.Name);
            csv.WriteField(password.Classes);
            csv.WriteField(password.Password);
            await csv.EndRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>The page's audit line, saved with the roster; the actor is whoever can reach the database, so the OS user is named.</summary>
    static Task AddAuditLineAsync(QuizDbContext db, TimeProvider clock, RosterPreview plan)
    {
        var summary = $"quiz roster import (OS user {Environment.UserName}): {plan.AuditSummary()}";
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Action = AuditActions.RosterImported,
            Summary = summary.Length > Limits.Reason ? summary[..(Limits.Reason - 1)] + "…" : summary,
        });
        return Task.CompletedTask;
    }
}
