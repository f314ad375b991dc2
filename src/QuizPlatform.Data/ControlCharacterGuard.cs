using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuizPlatform.Importing;

namespace QuizPlatform.Data;

/// <summary>
/// Applies <see cref="ControlCharacters.Strip"/> to every text an entity saves (names, emails, titles, keywords,
/// reasons, requests...), so no form, circuit or CLI path can store a NUL: PostgreSQL refuses the whole save with an
/// error the user sees as a 500, and SQLite stores it for the exports to choke on later. Inputs with a better answer
/// apply the rule themselves first: answers, the importer and rosters (which name the line).
/// </summary>
public sealed class ControlCharacterGuard : SaveChangesInterceptor
{
    public static readonly ControlCharacterGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Clean(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Clean(eventData.Context);
        return ValueTask.FromResult(result);
    }

    static void Clean(DbContext? context)
    {
        if (context is null)
            return;
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            foreach (var property in entry.Properties)
            {
                if (entry.State == EntityState.Modified && !property.IsModified)
                    continue;
                switch (property.CurrentValue)
                {
                    case string text when !ReferenceEquals(ControlCharacters.Strip(text), text):
                        property.CurrentValue = ControlCharacters.Strip(text);
                        break;
                    case List<string> texts when texts.Any(t => ControlCharacters.IndexOfRefused(t) >= 0):
                        property.CurrentValue = texts.Select(ControlCharacters.Strip).ToList();
                        break;
                }
            }
        }
    }
}

/// <summary>
/// The same rule for every command's text parameters: a NUL in a search, a sign-in email or a bulk update
/// (ExecuteUpdate, which <see cref="ControlCharacterGuard"/> never sees) would otherwise fail the query on PostgreSQL.
/// </summary>
public sealed class ControlCharacterParameterGuard : DbCommandInterceptor
{
    public static readonly ControlCharacterParameterGuard Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result) => Clean(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Clean(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result) => Clean(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Clean(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result) => Clean(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Clean(command, result));

    static T Clean<T>(DbCommand command, T result)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            switch (parameter.Value)
            {
                case string text when ControlCharacters.IndexOfRefused(text) >= 0:
                    parameter.Value = ControlCharacters.Strip(text);
                    break;
                case string[] texts when texts.Any(t => ControlCharacters.IndexOfRefused(t) >= 0):
                    parameter.Value = texts.Select(ControlCharacters.Strip).ToArray();
                    break;
                case List<string> texts when texts.Any(t => ControlCharacters.IndexOfRefused(t) >= 0):
                    parameter.Value = texts.Select(ControlCharacters.Strip).ToList();
                    break;
            }
        }
        return result;
    }
}
