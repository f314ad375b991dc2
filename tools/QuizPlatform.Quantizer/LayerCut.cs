using Onnx;

namespace QuizPlatform.Quantizer;

/// <summary>
/// Cuts the encoder after its first <c>k</c> layers, as BERTScore reads a chosen layer rather than the last: that
/// layer's hidden state becomes the only output (still named <c>last_hidden_state</c>, so the encoder reads it as
/// before), and every node and weight it does not need goes, the later layers and the pooler with them.
/// </summary>
public static class LayerCut
{
    public const string Output = "last_hidden_state";

    /// <summary>Keeps layers 1 to <paramref name="layers"/> of <paramref name="model"/>; returns how many nodes went.</summary>
    public static int KeepLayers(ModelProto model, int layers)
    {
        var graph = model.Graph;
        // The export names nodes by number: a layer ends with the Add of its output LayerNorm's bias.
        var bias = $"encoder.layer.{layers - 1}.output.LayerNorm.bias";
        var last = graph.Node.SingleOrDefault(n => n.OpType == "Add" && n.Input.Contains(bias))
            ?? throw new ArgumentOutOfRangeException(nameof(layers), layers, $"The model has no node adding {bias}.");
        var shape = graph.Output.Single(o => o.Name == Output);
        if (last.Output[0] != Output)
            foreach (var node in graph.Node)
            {
                for (var i = 0; i < node.Input.Count; i++) if (node.Input[i] == Output) node.Input[i] = $"{Output}_after_cut";
                for (var i = 0; i < node.Output.Count; i++) if (node.Output[i] == Output) node.Output[i] = $"{Output}_after_cut";
            }
        last.Output[0] = Output;
        graph.Output.Clear();
        graph.Output.Add(shape);
        return Graphs.RemoveUnused(graph);
    }
}
