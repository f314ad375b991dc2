using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>What the database holds against what the app acknowledged, per answer.</summary>
/// <param name="Answers">Answers with at least one acknowledged save.</param>
/// <param name="Lost">Answers whose stored text is not the newest acknowledged one, nor a later version.</param>
/// <param name="NewerStored">Answers holding a later version than any acknowledgement (a save whose reply was lost).</param>
public sealed record SaveCheck(int Acknowledged, int Answers, int Lost, int NewerStored, IReadOnlyList<string> Examples)
{
    public override string ToString() =>
        $"{Acknowledged:N0} acknowledged saves over {Answers:N0} answers: {Lost:N0} lost" +
        (NewerStored > 0 ? $", {NewerStored:N0} holding a later save whose reply never came" : "") +
        (Examples.Count > 0 ? $" (e.g. {string.Join("; ", Examples)})" : "");
}

/// <summary>
/// Every save the app acknowledged (200, or 409 naming this very text as stored, as the page's script counts it),
/// newest per answer, and the check against the database at the end of a run.
/// </summary>
public sealed class AcknowledgedSaves
{
    readonly ConcurrentDictionary<(int Attempt, int Question), (int Version, string Text)> newest = new();
    int count;

    public int Count => Volatile.Read(ref count);

    public void Record(int attemptId, int questionId, int version, string text)
    {
        Interlocked.Increment(ref count);
        newest.AddOrUpdate((attemptId, questionId), (version, text),
            (_, held) => version >= held.Version ? (version, text) : held);
    }

    public async Task<SaveCheck> CheckAsync(IDbContextFactory<QuizDbContext> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attempts = newest.Keys.Select(k => k.Attempt).Distinct().ToList();
        var stored = new Dictionary<(int, int), (int Version, string Text)>();
        foreach (var chunk in attempts.Chunk(500))
        {
            var rows = await db.Responses.AsNoTracking().Where(r => chunk.Contains(r.AttemptId))
                .Select(r => new { r.AttemptId, r.QuestionId, r.Version, r.Text }).ToListAsync(ct);
            foreach (var row in rows)
                stored[(row.AttemptId, row.QuestionId)] = (row.Version, row.Text);
        }
        int lost = 0, newer = 0;
        var examples = new List<string>();
        foreach (var (key, acknowledged) in newest)
        {
            var held = stored.TryGetValue(key, out var row) ? row : (Version: -1, Text: "");
            if (held.Version == acknowledged.Version && held.Text == acknowledged.Text)
                continue;
            if (held.Version > acknowledged.Version)
            {
                newer++;
                continue;
            }
            lost++;
            if (examples.Count < 3)
                examples.Add($"attempt {key.Item1} question {key.Item2}: acknowledged version {acknowledged.Version}, stored {held.Version}");
        }
        return new SaveCheck(Count, newest.Count, lost, newer, examples);
    }
}
