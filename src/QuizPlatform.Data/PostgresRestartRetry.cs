using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace QuizPlatform.Data;

/// <summary>
/// What EF does when PostgreSQL restarts (<c>pg_ctl restart</c>, a failover). Npgsql keeps pooled connections to the
/// server that went away, and each would fail the next operation that takes it; so on the first sign of a restart the
/// pool is cleared. An operation is retried only when PostgreSQL did not run it: the server said it was shutting down
/// or starting (57P01, 57P02, 57P03), or no connection could be made. Such a retry is safe for writes as well as reads.
/// A connection that broke with a command in flight is not retried (the command may have run); nor is anything inside
/// a transaction the caller began (the transaction went with its connection): those surface as the exception, which
/// the app answers with 503 and the client retries.
/// </summary>
public sealed class PostgresRestartRetry(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    // A few seconds in all (0, ~1, ~2, 2 s): long enough for a restart, short enough for a request to give up clearly.
    const int MaxRetries = 4;
    static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// EF's retry loop resumes on the caller's synchronization context (<c>ConfigureAwait(true)</c>); a caller that
    /// blocks on it, as a host started synchronously does (<c>WebApplicationFactory</c>, under xUnit's context),
    /// would wait for itself. The loop runs without one; the caller still resumes on its own when it awaits the result.
    /// </summary>
    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>
    /// False, though the loop below retries: EF reads it to refuse transactions the caller began (which are run once
    /// here instead) and to buffer whole result sets (exports stream theirs). Only a command's start is retried, never
    /// rows half read, so neither is needed.
    /// </summary>
    public override bool RetriesOnFailure => false;

    bool InCallersTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override bool ShouldRetryOn(Exception? exception)
    {
        if (!NotRun(exception))
            return false;
        if (Dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection)
            NpgsqlConnection.ClearPool(connection);
        return !InCallersTransaction;
    }

    /// <summary>The server refused or ended the connection before it ran the command.</summary>
    public static bool NotRun(Exception? exception) => exception switch
    {
        PostgresException e => e.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException { InnerException: SocketException } => true,
        _ => false,
    };
}
