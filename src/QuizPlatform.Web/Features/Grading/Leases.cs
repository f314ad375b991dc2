using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Claims work kept in the database: up to <c>count</c> rows that are <c>pending</c> and not leased (or whose lease ran
/// out) get a lease until <c>until</c>, in one statement. On PostgreSQL the rows are picked <c>FOR UPDATE SKIP
/// LOCKED</c>, so instances claiming at the same moment take different rows and never wait for each other; SQLite
/// runs one writer at a time, so the same statement is a claim there too. A worker that dies leaves its lease to run
/// out, and the next claim after that takes the rows over.
/// </summary>
static class Leases
{
    /// <param name="table">the table, with an <c>"Id"</c> key</param>
    /// <param name="pending">SQL condition on the table's columns saying which rows are work</param>
    /// <param name="order">SQL ORDER BY list: which work first</param>
    /// <param name="lease">the lease's nullable timestamp column</param>
    public static Task<List<int>> ClaimAsync(QuizDbContext db, string table, string pending, string order, string lease,
        int count, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        var skipLocked = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE "{{table}}" SET "{{lease}}" = {0}
            WHERE "Id" IN (SELECT "Id" FROM "{{table}}" WHERE {{pending}} AND ("{{lease}}" IS NULL OR "{{lease}}" < {1})
                           ORDER BY {{order}} LIMIT {2}{{skipLocked}})
            RETURNING "Id" AS "Value"
            """;
        return db.Database.SqlQueryRaw<int>(sql, until, now, count).ToListAsync(cancellationToken);
    }
}
