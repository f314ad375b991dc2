using Google.Protobuf;
using Onnx;

namespace QuizPlatform.Quantizer;

/// <summary>
/// Dynamic int8 quantisation of a transformer, as ONNX Runtime's Python <c>quantize_dynamic</c> does (which cannot be
/// installed here). Matrix products: every <c>MatMul</c> whose second input is a constant float matrix becomes the
/// contrib operator <c>com.microsoft.DynamicQuantizeMatMul</c> with the weights in int8, one symmetric scale per
/// output column; a bias added right after it moves into the operator. Activations stay float in the file: the
/// operator quantises them at run time (uint8, one scale per call), so products run on the CPU's int8 dot products.
/// </summary>
public static class Int8Quantizer
{
    private const int Float = (int)TensorProto.Types.DataType.Float;
    private const int Int8 = (int)TensorProto.Types.DataType.Int8;

    /// <summary>Rewrites <paramref name="model"/>'s MatMuls in place; returns how many were quantised.</summary>
    public static int QuantizeProducts(ModelProto model)
    {
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var quantized = 0;
        foreach (var node in graph.Node.Where(n => n.OpType == "MatMul" && n.Domain.Length == 0).ToList())
        {
            if (!initializers.TryGetValue(node.Input[1], out var weights) || weights.DataType != Float || weights.Dims.Count != 2) continue;
            var rows = (int)weights.Dims[0];
            var columns = (int)weights.Dims[1];
            var (values, scales) = Int8Columns(Floats(weights), rows, columns);
            var name = node.Input[1];
            graph.Initializer.Remove(weights);
            graph.Initializer.Add(Tensor($"{name}_int8", Int8, [rows, columns], values));
            graph.Initializer.Add(Tensor($"{name}_scale", Float, [columns], AsBytes(scales)));

            var replacement = new NodeProto { Name = $"{node.Name}_int8", OpType = "DynamicQuantizeMatMul", Domain = "com.microsoft" };
            replacement.Input.AddRange([node.Input[0], $"{name}_int8", $"{name}_scale", "" /* zero point: symmetric */]);
            var output = node.Output[0];
            var add = BiasAdd(graph, initializers, output, columns);
            if (add is not null)
            {
                replacement.Input.Add(add.Input[0] == output ? add.Input[1] : add.Input[0]);
                output = add.Output[0];
                graph.Node.Remove(add);
            }
            replacement.Output.Add(output);
            graph.Node.Insert(graph.Node.IndexOf(node), replacement);
            graph.Node.Remove(node);
            quantized++;
        }
        if (quantized > 0 && model.OpsetImport.All(o => o.Domain != "com.microsoft"))
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        return quantized;
    }

    /// <summary>
    /// Embedding tables (a <c>Gather</c> from a constant float matrix) in int8 with one scale per row: the lookup
    /// gathers the row and its scale and multiplies them back. Only the file's size changes (most of it is the
    /// 30,522-word table), not the work per piece.
    /// </summary>
    public static int QuantizeLookups(ModelProto model)
    {
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var quantized = 0;
        foreach (var node in graph.Node.Where(n => n.OpType == "Gather" && n.Domain.Length == 0 && n.Attribute.All(a => a.Name != "axis" || a.I == 0)).ToList())
        {
            if (!initializers.TryGetValue(node.Input[0], out var table) || table.DataType != Float || table.Dims.Count != 2) continue;
            var rows = (int)table.Dims[0];
            var columns = (int)table.Dims[1];
            var (values, scales) = Int8Columns(Transpose(Floats(table), rows, columns), columns, rows);
            var name = node.Input[0];
            graph.Initializer.Remove(table);
            graph.Initializer.Add(Tensor($"{name}_int8", Int8, [rows, columns], Transpose(values, columns, rows)));
            graph.Initializer.Add(Tensor($"{name}_scale", Float, [rows, 1], AsBytes(scales)));
            var index = graph.Node.IndexOf(node);
            NodeProto[] lookup =
            [
                Graphs.Node("Gather", $"{node.Name}_int8", [$"{name}_int8", node.Input[1]], [$"{name}_rows_int8"]),
                Graphs.Node("Cast", $"{node.Name}_cast", [$"{name}_rows_int8"], [$"{name}_rows_float"]),
                Graphs.Node("Gather", $"{node.Name}_scale", [$"{name}_scale", node.Input[1]], [$"{name}_rows_scale"]),
                Graphs.Node("Mul", $"{node.Name}_dequantize", [$"{name}_rows_float", $"{name}_rows_scale"], [node.Output[0]]),
            ];
            lookup[1].Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = Float });
            graph.Node.Remove(node);
            for (var i = 0; i < lookup.Length; i++) graph.Node.Insert(index + i, lookup[i]);
            quantized++;
        }
        return quantized;
    }

    private static T[] Transpose<T>(T[] values, int rows, int columns)
    {
        var transposed = new T[values.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++) transposed[(c * rows) + r] = values[(r * columns) + c];
        return transposed;
    }

    /// <summary>The one <c>Add</c> of a constant vector of <paramref name="columns"/> floats that alone reads <paramref name="product"/>.</summary>
    private static NodeProto? BiasAdd(GraphProto graph, Dictionary<string, TensorProto> initializers, string product, int columns)
    {
        var readers = graph.Node.Where(n => n.Input.Contains(product)).ToList();
        if (readers is not [{ OpType: "Add" } add] || graph.Output.Any(o => o.Name == product)) return null;
        var other = add.Input[0] == product ? add.Input[1] : add.Input[0];
        return initializers.TryGetValue(other, out var bias) && bias.DataType == Float && bias.Dims.Count == 1 && bias.Dims[0] == columns
            ? add : null;
    }

    /// <summary>Symmetric per-column int8: each column's largest magnitude maps to 127.</summary>
    private static (byte[] Values, float[] Scales) Int8Columns(float[] weights, int rows, int columns)
    {
        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var largest = 0f;
            for (var r = 0; r < rows; r++) largest = Math.Max(largest, Math.Abs(weights[(r * columns) + c]));
            scales[c] = largest > 0 ? largest / 127f : 1f;
        }
        var values = new byte[weights.Length];
        for (var i = 0; i < weights.Length; i++)
            values[i] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(weights[i] / scales[i % columns], MidpointRounding.ToEven), -127, 127));
        return (values, scales);
    }

    internal static float[] Floats(TensorProto tensor) =>
        tensor.RawData.Length > 0 ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray() : [.. tensor.FloatData];

    private static byte[] AsBytes(float[] values) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static TensorProto Tensor(string name, int type, long[] dims, byte[] raw)
    {
        var tensor = new TensorProto { Name = name, DataType = type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
