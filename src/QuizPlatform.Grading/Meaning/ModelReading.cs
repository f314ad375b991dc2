using System.Text;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// What the model reads of a text: its content words and negations, a space apart (a hyphen or slash that joins two
/// of them is kept: "R-CNN"), and where each came from in the text. The grader reads no function word's vector (the
/// soft recall and the meaning matches take content words), and without them and the punctuation an ~80-word answer
/// is ~40 % fewer word pieces for the model, for the same dev-set AUC (docs/grading.md, "Content words only"). Negations
/// stay: "not" turns what the words around it mean. A text of function words alone ("it is") is read whole.
/// </summary>
internal sealed class ModelReading
{
    private readonly int[] readStarts;
    private readonly int[] textStarts;

    private ModelReading(string text, int[] readStarts, int[] textStarts)
    {
        Text = text;
        this.readStarts = readStarts;
        this.textStarts = textStarts;
    }

    /// <summary>What goes to the model.</summary>
    public string Text { get; }

    /// <summary>The text as written.</summary>
    public static ModelReading Whole(string text, IReadOnlyList<Token> words) => new(text, [0], [0]);

    public static ModelReading Of(string text, IReadOnlyList<Token> words)
    {
        var read = new StringBuilder(text.Length);
        List<int> readStarts = [], textStarts = [];
        var previous = -2;
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            if (word.Term.IsStop && !Lexicon.IsNegator(word.Term.Folded)) continue;
            if (previous == w - 1 && word.Has(TokenFlags.JoinedToPrevious))
                read.Append(text, words[previous].End, word.Start - words[previous].End);
            else if (read.Length > 0)
                read.Append(' ');
            readStarts.Add(read.Length);
            textStarts.Add(word.Start);
            read.Append(text, word.Start, word.Length);
            previous = w;
        }
        return readStarts.Count == 0 ? Whole(text, words) : new(read.ToString(), [.. readStarts], [.. textStarts]);
    }

    /// <summary>The model's pieces of <see cref="Text"/>, their spans moved back onto the text it was read from.</summary>
    public PieceVectors InText(PieceVectors pieces)
    {
        var spans = new TextSpan[pieces.Count];
        var word = 0;
        for (var p = 0; p < spans.Length; p++)
        {
            var span = pieces.Spans[p];
            while (word + 1 < readStarts.Length && readStarts[word + 1] <= span.Start) word++;
            spans[p] = span with { Start = textStarts[word] + span.Start - readStarts[word] };
        }
        return pieces with { Spans = spans };
    }
}
