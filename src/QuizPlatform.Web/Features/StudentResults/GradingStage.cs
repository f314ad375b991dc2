using System.Text.Json.Serialization;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.StudentResults;

/// <summary>
/// How far the grader has come with an attempt, in the order it goes: not handed in yet (time ran out and the server
/// hands it in), keyword grading still to come for some answer, the meaning pass still to come for some grade, done.
/// </summary>
[JsonConverter(typeof(WireEnumConverter<GradingStage>))]
public enum GradingStage
{
    NotHandedIn,
    Grading,
    Meaning,
    Done,
}
