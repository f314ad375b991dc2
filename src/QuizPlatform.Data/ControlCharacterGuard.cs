using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuizPlatform.Importing;

namespace QuizPlatform.Data;

/// <summary>
/// Applies <see cref="ControlCharacters.Strip"/> to every text an entity saves (names, emails, titles, keywords,
/// reasons, requests...), so no form, circuit or CLI path can store a NUL: PostgreSQL refuses the whole save with an
/// error the user sees as a 500, and SQLite stores it for the exports to choke on later. Inputs with a better answer
/// apply the rule themselves first: answers (saved with ExecuteUpdate, which no interceptor sees), the importer and
/// rosters (which name the line).
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
