using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuizPlatform.Cli.Json;

/// <summary>Source-generated serializers for everything the CLI reads and writes (no reflection per line).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(List<KeywordLine>))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class CliJsonContext : JsonSerializerContext;
