using System.Diagnostics.Metrics;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.Observability;

/// <summary>
/// The platform's own instruments, all in the meter <see cref="MeterName"/>, served on <c>/metrics</c> beside ASP.NET
/// Core's, the runtime's and Npgsql's. Names and units follow OpenTelemetry's conventions (the Prometheus names are
/// these with dots as underscores, the unit, and <c>_total</c> on counters); docs/operations.md lists them and what to
/// alert on. A singleton: inject it, or <c>http.RequestServices.GetRequiredService&lt;QuizMetrics&gt;()</c>.
/// </summary>
public sealed class QuizMetrics
{
    public const string MeterName = "QuizPlatform";

    // The buckets of ASP.NET Core's http.server.request.duration, so a save's latency reads against the request's.
    static readonly double[] RequestBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
    // The target is every answer graded within a minute of a deadline burst: buckets on both sides of it.
    static readonly double[] GradingBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600];

    readonly Counter<long> saves;
    readonly Histogram<double> saveDuration;
    readonly Counter<long> droppedRefusedSaves;
    readonly Counter<long> refusedRequests;
    readonly Counter<long> handIns;
    readonly Counter<long> gradedAnswers;
    readonly Histogram<double> gradingLag;

    public QuizMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        saves = Meter.CreateCounter<long>("quiz.answer.saves", "{save}",
            "Answer saves through the save API, by quiz.save.outcome (saved, conflict, refused, too-long, not-found, rejected).");
        saveDuration = Meter.CreateHistogram<double>("quiz.answer.save.duration", "s",
            "Time the save API took to answer a save, by quiz.save.outcome.", advice: new() { HistogramBucketBoundaries = RequestBuckets });
        droppedRefusedSaves = Meter.CreateCounter<long>("quiz.answer.refused_saves.dropped", "{save}",
            "Refused saves not stored because their attempt already has Attempts:RefusedSavesKept of them.");
        refusedRequests = Meter.CreateCounter<long>("quiz.requests.refused", "{request}",
            "Requests turned away before their work was done (admission control, throttles), by quiz.work and http.response.status_code.");
        handIns = Meter.CreateCounter<long>("quiz.attempts.handed_in", "{attempt}",
            "Attempts handed in, by quiz.handed_in.by (student, or timer: the page at time-out or the expiry service).");
        gradedAnswers = Meter.CreateCounter<long>("quiz.grading.graded", "{answer}",
            "Answers given their keyword grade.");
        gradingLag = Meter.CreateHistogram<double>("quiz.grading.lag", "s",
            "Time from an attempt's hand-in to its keyword grades being stored.", advice: new() { HistogramBucketBoundaries = GradingBuckets });
    }

    /// <summary>The meter itself, for observable instruments kept elsewhere (<see cref="GradingBacklog"/>).</summary>
    internal Meter Meter { get; }

    /// <summary>A save the save API answered with <paramref name="status"/> after <paramref name="elapsed"/>.</summary>
    public void Saved(SaveStatus status, TimeSpan elapsed) => RecordSave(status switch
    {
        SaveStatus.Saved => "saved",
        SaveStatus.Stale => "conflict",
        SaveStatus.Late or SaveStatus.Submitted => "refused",
        SaveStatus.TooLong => "too-long",
        SaveStatus.NotFound => "not-found",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    }, elapsed);

    /// <summary>A save turned away before the attempt was read: an expired page token, or a caller who is not a student.</summary>
    public void SaveRejected(TimeSpan elapsed) => RecordSave("rejected", elapsed);

    public void RefusedSaveDropped() => droppedRefusedSaves.Add(1);

    /// <summary>
    /// A request refused for load or abuse before its work was done, e.g. <c>Refused("sign-in", 503)</c>:
    /// <paramref name="work"/> names what was refused (sign-in, start, hand-in, save), <paramref name="statusCode"/>
    /// is the answer (429, 503).
    /// </summary>
    public void Refused(string work, int statusCode) =>
        refusedRequests.Add(1, new("quiz.work", work), new("http.response.status_code", statusCode));

    public void HandedIn(SubmittedBy by) =>
        handIns.Add(1, new KeyValuePair<string, object?>("quiz.handed_in.by", by == SubmittedBy.Timer ? "timer" : "student"));

    /// <summary><paramref name="answers"/> of an attempt handed in <paramref name="sinceHandIn"/> ago were given their grade.</summary>
    public void Graded(int answers, TimeSpan sinceHandIn)
    {
        gradedAnswers.Add(answers);
        gradingLag.Record(Math.Max(0, sinceHandIn.TotalSeconds));
    }

    void RecordSave(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("quiz.save.outcome", outcome);
        saves.Add(1, tag);
        saveDuration.Record(elapsed.TotalSeconds, tag);
    }
}
