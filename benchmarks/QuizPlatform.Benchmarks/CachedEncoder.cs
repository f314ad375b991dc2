using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// An encoder that remembers every text's pieces in a file, so a tuning sweep loads the dev set's vectors in a
/// second instead of running the model for minutes. The file is named after the grader's version, which every change
/// of the model file bumps (its vectors move the scores), so a new model never reads an old one's vectors.
/// </summary>
public sealed class CachedEncoder : ITokenEncoder, IDisposable
{
    private readonly Lazy<MiniLmEncoder> model = new(() => new MiniLmEncoder());
    private readonly Dictionary<string, PieceVectors> cache = new(StringComparer.Ordinal);
    private readonly string path;
    private bool changed;

    public CachedEncoder(string directory)
    {
        path = Path.Combine(directory, $"meaning-cache-grader-{Grader.Version}.bin");
        if (!File.Exists(path)) return;
        using var reader = new BinaryReader(File.OpenRead(path));
        for (var n = reader.ReadInt32(); n > 0; n--)
        {
            var text = reader.ReadString();
            var spans = new TextSpan[reader.ReadInt32()];
            for (var i = 0; i < spans.Length; i++) spans[i] = new TextSpan(reader.ReadInt32(), reader.ReadInt32());
            var vectors = new float[spans.Length * Dimensions];
            reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors.AsSpan()));
            cache[text] = new PieceVectors(spans, vectors);
        }
    }

    public string ModelName => MiniLmEncoder.Name;

    public int Dimensions => 384;

    public IReadOnlyList<PieceVectors> Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var missing = texts.Where(t => !cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var encoded = model.Value.Encode(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++) cache[missing[i]] = encoded[i];
            changed = true;
        }
        return [.. texts.Select(t => cache[t])];
    }

    public void Dispose()
    {
        if (changed)
        {
            using var writer = new BinaryWriter(File.Create(path));
            writer.Write(cache.Count);
            foreach (var (text, pieces) in cache)
            {
                writer.Write(text);
                writer.Write(pieces.Count);
                foreach (var span in pieces.Spans) { writer.Write(span.Start); writer.Write(span.Length); }
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pieces.Vectors.AsSpan()));
            }
        }
        if (model.IsValueCreated) model.Value.Dispose();
    }
}
