using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// Words of degree and quantity, by the direction they point. Contextual vectors put opposites close together
/// ("shorter" ~ "longer" 0.85, "farther" ~ "closer" 0.82 on eval/), since they are used in the same places; a meaning
/// match never pairs a word of one pole with a word of the other. Ambiguous words ("light", "close") are left out.
/// Directions are a second axis ("east" ~ "west" 0.77 with the model's third layer).
/// </summary>
internal static class Opposites
{
    private static readonly Dictionary<string, int> Pole = Build(
        (Up: """
            more most many much greater greatest increase increases increased increasing high higher highest big bigger
            biggest large larger largest long longer longest lengthy lengthier far farther farthest further furthest
            fast faster fastest quick quicker quickest heavy heavier heaviest hot hotter hottest warm warmer warmest
            heat heats heated heating strong stronger strongest tall taller tallest wide wider widest thick thicker
            thickest deep deeper deepest loud louder loudest hard harder hardest rough rougher roughest steep steeper
            steepest early earlier earliest
            """,
        Down: """
            less least few fewer fewest little decrease decreases decreased decreasing low lower lowest small smaller
            smallest tiny short shorter shortest near nearer nearest closer closest slow slower slowest cold colder
            coldest cool cooler coolest cools cooled cooling weak weaker weakest narrow narrower narrowest thin thinner
            thinnest shallow shallower shallowest quiet quieter quietest soft softer softest smooth smoother smoothest
            late later latest
            """),
        (Up: "east eastern eastward north northern northward", Down: "west western westward south southern southward"));

    /// <summary>True when one text names one direction and the other the opposite one ("shorter" and "longer string").</summary>
    public static bool Oppose(IEnumerable<string> foldedA, IEnumerable<string> foldedB)
    {
        var a = Poles(foldedA);
        var b = Poles(foldedB);
        // Axis i's poles are bits 2i and 2i + 1: swapping each pair turns a's poles into their opposites.
        var opposite = ((a & 0x55) << 1) | ((a >> 1) & 0x55);
        return (a & b) == 0 && (opposite & b) != 0;
    }

    private static int Poles(IEnumerable<string> folded) =>
        folded.Aggregate(0, (poles, word) => poles | Pole.GetValueOrDefault(word));

    private static Dictionary<string, int> Build(params (string Up, string Down)[] axes)
    {
        var poles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var axis = 0; axis < axes.Length; axis++)
        {
            foreach (var word in axes[axis].Up.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)) poles[word] = 1 << (2 * axis);
            foreach (var word in axes[axis].Down.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)) poles[word] = 2 << (2 * axis);
        }
        return poles;
    }

    internal static IEnumerable<string> FoldedWords(string phrase) => Tokenizer.Tokenize(phrase).Select(t => t.Term.Folded);
}
