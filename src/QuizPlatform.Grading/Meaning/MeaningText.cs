using System.Numerics.Tensors;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// A text as the grader's words (<see cref="Tokenizer"/>), each with a contextual unit vector: the mean of the model's
/// word pieces that fall inside it. Pieces outside every word (punctuation) are left out; encoded by
/// <see cref="Encode"/>, a function word has a zero vector. Immutable and shareable.
/// </summary>
public sealed class MeaningText
{
    private readonly float[] vectors;

    private MeaningText(string text, List<Token> words, float[] vectors, int dimensions)
    {
        Text = text;
        Words = words;
        this.vectors = vectors;
        Dimensions = dimensions;
    }

    public string Text { get; }

    public int Dimensions { get; }

    public int Count => Words.Count;

    internal List<Token> Words { get; }

    public TextSpan Span(int word) => new(Words[word].Start, Words[word].Length);

    /// <summary>A content word: not a stop word (the grader's own list).</summary>
    public bool IsContent(int word) => !Words[word].Term.IsStop;

    public string Stem(int word) => Words[word].Term.Stem;

    /// <summary>The word folded (lower case, no diacritics), as the grader's lexicons spell it.</summary>
    public string Folded(int word) => Words[word].Term.Folded;

    public ReadOnlySpan<float> Vector(int word) => vectors.AsSpan(word * Dimensions, Dimensions);

    /// <summary>Cosine similarity of two words' vectors (both are unit vectors).</summary>
    public static float Similarity(MeaningText a, int wordOfA, MeaningText b, int wordOfB) =>
        TensorPrimitives.Dot(a.Vector(wordOfA), b.Vector(wordOfB));

    /// <summary>The cosine similarity of <paramref name="unit"/> with each word's vector, into <paramref name="into"/> (one element per word).</summary>
    internal void Similarities(ReadOnlySpan<float> unit, Span<float> into) => DotProducts.Of(vectors, unit, into[..Count]);

    public static MeaningText From(string text, PieceVectors pieces, int dimensions) =>
        From(text ?? "", Tokenizer.Tokenize(text ?? ""), pieces, dimensions);

    private static MeaningText From(string text, List<Token> words, PieceVectors pieces, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var vectors = new float[words.Count * dimensions];
        var counts = new int[words.Count];
        var w = 0;
        for (var p = 0; p < pieces.Count && w < words.Count; p++)
        {
            var start = pieces.Spans[p].Start;
            while (w < words.Count && words[w].End <= start) w++;
            if (w == words.Count || start < words[w].Start) continue;
            TensorPrimitives.Add(vectors.AsSpan(w * dimensions, dimensions), pieces.Vector(p, dimensions), vectors.AsSpan(w * dimensions, dimensions));
            counts[w]++;
        }
        for (var i = 0; i < words.Count; i++)
        {
            var vector = vectors.AsSpan(i * dimensions, dimensions);
            var norm = TensorPrimitives.Norm(vector);
            if (counts[i] > 0 && norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        }
        return new MeaningText(text, words, vectors, dimensions);
    }

    /// <summary>
    /// Encodes every text in one call to the model (batched by the encoder), as grading reads them: the model reads
    /// each text's content words (<see cref="ModelReading"/>), so a function word has no vector.
    /// </summary>
    public static MeaningText[] Encode(ITokenEncoder encoder, IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Encode(encoder, texts, ModelReading.Of, cancellationToken);

    /// <summary>
    /// Encodes every text as written, function words too: what keyword extraction ranks an answer's phrases with (read
    /// without them, the phrases' ranks found 1 to 3 points fewer of the instructors' concepts; docs/grading.md).
    /// </summary>
    public static MeaningText[] EncodeWhole(ITokenEncoder encoder, IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Encode(encoder, texts, ModelReading.Whole, cancellationToken);

    private static MeaningText[] Encode(ITokenEncoder encoder, IReadOnlyList<string> texts, Func<string, List<Token>, ModelReading> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var words = texts.Select(text => Tokenizer.Tokenize(text ?? "")).ToList();
        var readings = texts.Select((text, i) => read(text ?? "", words[i])).ToList();
        var pieces = encoder.Encode([.. readings.Select(r => r.Text)], cancellationToken);
        var encoded = new MeaningText[texts.Count];
        for (var i = 0; i < encoded.Length; i++) encoded[i] = From(texts[i] ?? "", words[i], readings[i].InText(pieces[i]), encoder.Dimensions);
        return encoded;
    }

    /// <summary>Encodes each distinct text once, in one call to the model; looked up by the exact text.</summary>
    public static Dictionary<string, MeaningText> EncodeDistinct(ITokenEncoder encoder, IEnumerable<string> texts,
        CancellationToken cancellationToken = default)
    {
        var distinct = texts.Distinct(StringComparer.Ordinal).ToList();
        var encoded = Encode(encoder, distinct, cancellationToken);
        return distinct.Select((text, i) => (text, i)).ToDictionary(p => p.text, p => encoded[p.i], StringComparer.Ordinal);
    }
}
