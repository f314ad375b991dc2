namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// A sentence model's contextual vectors: one per word piece of each text, in text order, with the stretch of the
/// text each piece came from. Implementations are thread-safe and deterministic (a text's vectors do not depend on
/// the other texts of the call). The grading core groups pieces into its own words (<see cref="MeaningText"/>).
/// </summary>
public interface ITokenEncoder
{
    /// <summary>Names the model and its settings; stored with grades that used it.</summary>
    string ModelName { get; }

    int Dimensions { get; }

    IReadOnlyList<PieceVectors> Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

/// <summary>The pieces of one text: <c>Vectors</c> holds <c>Spans.Length × dimensions</c> floats, piece after piece.</summary>
public sealed record PieceVectors(TextSpan[] Spans, float[] Vectors)
{
    public int Count => Spans.Length;

    public ReadOnlySpan<float> Vector(int piece, int dimensions) => Vectors.AsSpan(piece * dimensions, dimensions);
}
