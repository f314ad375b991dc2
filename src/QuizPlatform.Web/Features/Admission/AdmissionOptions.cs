namespace QuizPlatform.Web.Features.Admission;

/// <summary>
/// The <c>Admission</c> section: how many of each expensive request run at once, how many wait, and for how long.
/// Past that a request is refused with 503 and <c>Retry-After</c>, and its page retries by itself. The defaults come
/// from a 2-core machine: a sign-in hashes its password (PBKDF2, 100,000 rounds: 84 ms of one core, docs/operations.md),
/// so more sign-ins in flight than cores only makes each slower; 200 waiting at ~24 a second is an 8 s wait, inside the
/// queue timeout.
/// </summary>
public sealed class AdmissionOptions
{
    public const string Section = "Admission";

    public GateOptions SignIn { get; set; } = new() { PermitLimit = Environment.ProcessorCount, QueueLimit = 200 };

    /// <summary>Starting an attempt: a handful of queries and one insert, bounded so a rush cannot take every pooled connection.</summary>
    public GateOptions Start { get; set; } = new() { PermitLimit = 8, QueueLimit = 500 };

    /// <summary>Handing in: one claim and the grading queue's enqueue; a class at the deadline waits in line, not in the pool.</summary>
    public GateOptions HandIn { get; set; } = new() { PermitLimit = 8, QueueLimit = 1000 };

    /// <summary>The longest <c>Retry-After</c> named, however long the queue: a page retrying by itself should not look stuck.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Retry-After</c> of a request that failed because the database was overloaded (pool exhausted, timeout).</summary>
    public TimeSpan DatabaseBusyRetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>At most <see cref="PermitLimit"/> at once; <see cref="QueueLimit"/> more wait, each at most <see cref="QueueTimeout"/>.</summary>
public sealed class GateOptions
{
    public int PermitLimit { get; set; }
    public int QueueLimit { get; set; }
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
