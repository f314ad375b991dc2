using System.Text.Json.Serialization;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>How a save ended; the page reads it as "saved", "stale", "late", "submitted", "too-long" or "not-found".</summary>
[JsonConverter(typeof(WireEnumConverter<SaveStatus>))]
public enum SaveStatus
{
    /// <summary>Committed: <see cref="SaveResult.Version"/> is the answer's new version.</summary>
    Saved,
    /// <summary>The save started from an older version than the stored one (another tab or device saved since):
    /// nothing was overwritten; <see cref="SaveResult.Text"/> and <see cref="SaveResult.Version"/> are the stored ones.</summary>
    Stale,
    /// <summary>Arrived after the deadline and its grace: refused and recorded.</summary>
    Late,
    /// <summary>The attempt was already submitted: refused and recorded.</summary>
    Submitted,
    /// <summary>Longer than <see cref="AttemptSheet.MaxResponseChars"/>: refused, nothing stored.</summary>
    TooLong,
    /// <summary>No such attempt or question for this student (including someone else's attempt).</summary>
    NotFound,
}
