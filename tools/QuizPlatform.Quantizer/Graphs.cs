using Onnx;

namespace QuizPlatform.Quantizer;

/// <summary>What the rewrites share: who makes a value, who reads it, and dropping what the outputs no longer reach.</summary>
public static class Graphs
{
    public static Dictionary<string, NodeProto> Producers(GraphProto graph) =>
        graph.Node.SelectMany(n => n.Output.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n, StringComparer.Ordinal);

    public static List<NodeProto> Readers(GraphProto graph, string value) => [.. graph.Node.Where(n => n.Input.Contains(value))];

    public static NodeProto Node(string op, string name, string[] inputs, string[] outputs, string domain = "")
    {
        var node = new NodeProto { OpType = op, Name = name, Domain = domain };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    /// <summary>Walks back from the graph's outputs and drops every node, weight and shape it does not reach; returns how many nodes went.</summary>
    public static int RemoveUnused(GraphProto graph)
    {
        var needed = new HashSet<string>(graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        var kept = new HashSet<NodeProto>();
        for (var i = graph.Node.Count - 1; i >= 0; i--)
        {
            var node = graph.Node[i];
            if (!node.Output.Any(needed.Contains)) continue;
            kept.Add(node);
            foreach (var input in node.Input) needed.Add(input);
        }
        var before = graph.Node.Count;
        foreach (var node in graph.Node.Where(n => !kept.Contains(n)).ToList()) graph.Node.Remove(node);
        foreach (var initializer in graph.Initializer.Where(t => !needed.Contains(t.Name)).ToList()) graph.Initializer.Remove(initializer);
        foreach (var info in graph.ValueInfo.Where(v => !needed.Contains(v.Name)).ToList()) graph.ValueInfo.Remove(info);
        return before - graph.Node.Count;
    }
}
