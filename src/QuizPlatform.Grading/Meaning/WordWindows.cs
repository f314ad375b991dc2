using System.Buffers;
using System.Numerics.Tensors;

namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// The runs of one to <c>longest</c> words of a response that start on a content word, each with the unit mean of its
/// content words' vectors (as <see cref="KeyMeaning.Mean"/>), in the order the meaning matches try them: by start,
/// then by end. Made once per response for all its missing keywords; the vectors live in a pooled buffer (a response's
/// ~150 windows take ~200 KB), returned by <see cref="Dispose"/>.
/// </summary>
internal sealed class WordWindows : IDisposable
{
    private readonly float[] vectors;

    public WordWindows(MeaningText response, int longest)
    {
        var dimensions = response.Dimensions;
        var runs = new List<(int, int)>();
        vectors = ArrayPool<float>.Shared.Rent(response.Count * longest * dimensions);
        Span<float> sum = stackalloc float[dimensions];
        for (var start = 0; start < response.Count; start++)
        {
            if (!response.IsContent(start)) continue;
            sum.Clear();
            for (var end = start; end < response.Count && end < start + longest; end++)
            {
                if (response.IsContent(end) || response.Count == 1) TensorPrimitives.Add(sum, response.Vector(end), sum);
                var window = vectors.AsSpan(runs.Count * dimensions, dimensions);
                var norm = TensorPrimitives.Norm(sum);
                if (norm > 0) TensorPrimitives.Divide(sum, norm, window);
                else sum.CopyTo(window);
                runs.Add((start, end));
            }
        }
        Runs = runs;
        Dimensions = dimensions;
    }

    /// <summary>Each window's first and last word.</summary>
    public IReadOnlyList<(int Start, int End)> Runs { get; }

    public int Dimensions { get; }

    /// <summary>The cosine similarity of <paramref name="unit"/> with each window, in the order of <see cref="Runs"/>.</summary>
    public void Similarities(ReadOnlySpan<float> unit, Span<float> into) =>
        DotProducts.Of(vectors.AsSpan(0, Runs.Count * Dimensions), unit, into[..Runs.Count]);

    public void Dispose() => ArrayPool<float>.Shared.Return(vectors);
}
