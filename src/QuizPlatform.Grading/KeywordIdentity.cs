using System.Globalization;
using System.Text;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>
/// A text that is equal for two keyword lists exactly when they compile to the same key, so a cache of compiled keys
/// can tell an edited list from the one it compiled. Unit and record separators cannot be confused with keyword text.
/// </summary>
public static class KeywordIdentity
{
    public static string Of(IEnumerable<Keyword> keywords)
    {
        var identity = new StringBuilder();
        foreach (var k in keywords)
            Append(identity, k.Phrase, k.Alternatives, k.Weight, k.Required);
        return identity.ToString();
    }

    /// <summary>
    /// A text equal for two phrases that are the same words in other forms, as the grader reads a word: by its stem and
    /// the synonyms it knows ("filter", "Filters" and "filtering" are one word to it). Function words count: "the filter"
    /// is not "filter", nor "over-sampling" "under-sampling".
    /// </summary>
    public static string OfPhrase(string phrase) =>
        string.Join(' ', Tokenizer.Tokenize(phrase).Select(t => t.Term.Canon.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Adds one keyword to <paramref name="identity"/>: for callers that reuse one builder and hold no <see cref="Keyword"/>.</summary>
    public static void Append(StringBuilder identity, string phrase, IReadOnlyList<string>? alternatives, double weight, bool required)
    {
        identity.Append(phrase).Append('\u001f').Append(CultureInfo.InvariantCulture, $"{weight}").Append('\u001f').Append(required);
        if (alternatives is not null)
            foreach (var alternative in alternatives)
                identity.Append('\u001f').Append(alternative);
        identity.Append('\u001e');
    }
}
