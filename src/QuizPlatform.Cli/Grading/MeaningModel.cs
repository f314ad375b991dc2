using System.CommandLine;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// The sentence model of the meaning pass, loaded once per process on first use (about a second and 300 MB) and
/// shared by every command and worker; and the <c>--meaning on|off</c> option that asks for it.
/// </summary>
public static class MeaningModel
{
    private static readonly Lazy<MiniLmEncoder> Shared = new(() => new MiniLmEncoder());

    public static ITokenEncoder Encoder => Shared.Value;

    /// <summary><c>--meaning on|off</c>, on by default as the web app's <c>Grading:Meaning</c>.</summary>
    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--meaning")
        {
            Description = "on: keywords may match by meaning and the soft recall of the model answer joins the score (loads the sentence model); off: keyword grading alone.",
            DefaultValueFactory = _ => "on",
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    /// <summary>The model when <paramref name="option"/> says on, else null.</summary>
    public static ITokenEncoder? For(ParseResult parse, Option<string> option) => parse.GetValue(option) == "on" ? Encoder : null;
}
