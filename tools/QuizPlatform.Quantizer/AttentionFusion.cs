using Onnx;

namespace QuizPlatform.Quantizer;

/// <summary>
/// Each layer's float attention as the export spells it (Q, K and V reshaped into heads and transposed, QKᵀ divided by
/// √(head size), the mask added, Softmax, times V, transposed and reshaped back: twelve kernels a layer even after ONNX
/// Runtime's own optimisation, whose attention fusion looks for float projections) becomes one
/// <c>com.microsoft.MultiHeadAttention</c> without a mask, which ONNX Runtime's CPU provider runs as flash attention
/// (blocks of keys at a time, no score matrix in memory): 3-5 % less CPU per window. The encoder never pads a window,
/// so the mask is all ones and added nothing; the model now ignores <c>attention_mask</c>. The sums run in another
/// order, so the vectors move a little (cosine ≥ 0.99 per piece: the next int8 product's rounding carries a last-bit
/// change on). Given a mask, the kernel runs the export's own order instead: bit for bit the old vectors, but no
/// faster (docs/benchmarks.md, "A leaner graph").
/// </summary>
public static class AttentionFusion
{
    /// <summary>Rewrites <paramref name="model"/>'s attentions in place; returns how many were replaced.</summary>
    public static int Replace(ModelProto model)
    {
        var graph = model.Graph;
        var producers = Graphs.Producers(graph);
        var initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        // Through the Transpose and the Reshape that split a tensor into heads, back to the tensor.
        string Unheaded(string value) => producers[producers[value].Input[0]].Input[0];
        // The export also reads shapes off the tensors (Shape nodes); those go with the rest.
        NodeProto Reader(string value, string op) => Graphs.Readers(graph, value).Single(n => n.OpType == op);

        var replaced = 0;
        foreach (var softmax in graph.Node.Where(n => n.OpType == "Softmax").ToList())
        {
            var masked = producers[softmax.Input[0]];
            var scaled = producers[masked.Input[0]];
            var scores = producers[scaled.Input[0]];
            var divisor = producers[scaled.Input[1]];
            var weighted = Reader(softmax.Output[0], "MatMul");
            var merged = Reader(Reader(weighted.Output[0], "Transpose").Output[0], "Reshape");
            if (masked.OpType != "Add" || scaled.OpType != "Div" || scores.OpType != "MatMul")
                throw new InvalidOperationException($"The attention around {softmax.Name} is not the one this rewrite knows.");
            // The export's Reshape into heads takes its shape from a Concat of (batch, length, heads, head size).
            var headShape = producers[producers[producers[scores.Input[0]].Input[0]].Input[1]];
            var heads = Int64(initializers[headShape.Input[2]]);
            var headSize = Int64(initializers[headShape.Input[3]]);
            if (Math.Abs(Int8Quantizer.Floats(divisor.Attribute.Single(a => a.Name == "value").T)[0] - MathF.Sqrt(headSize)) > 1e-6)
                throw new InvalidOperationException($"{scaled.Name} does not divide by the square root of the head size, as the operator does.");

            var attention = Graphs.Node("MultiHeadAttention", $"{softmax.Name}_attention",
                [Unheaded(scores.Input[0]), Unheaded(scores.Input[1]), Unheaded(weighted.Input[1])], [merged.Output[0]], "com.microsoft");
            attention.Attribute.Add(new AttributeProto { Name = "num_heads", Type = AttributeProto.Types.AttributeType.Int, I = heads });
            graph.Node.Insert(graph.Node.IndexOf(merged), attention);
            merged.Output[0] = $"{merged.Output[0]}_replaced";
            replaced++;
        }
        Graphs.RemoveUnused(graph);
        return replaced;
    }

    private static long Int64(TensorProto tensor) =>
        tensor.RawData.Length > 0 ? BitConverter.ToInt64(tensor.RawData.Span) : tensor.Int64Data[0];
}
