using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuizPlatform.Grading;

/// <summary>
/// How enum values are named wherever they leave the process (HTTP replies, stored grade explanations, the CLI's
/// output): kebab-case, "needs-review", "too-long". One policy, so a name cannot drift between writers.
/// </summary>
public static class WireNames
{
    public static JsonNamingPolicy Policy => JsonNamingPolicy.KebabCaseLower;

    /// <summary>The wire name of one enum value (of a [Flags] enum: of a single flag), worked out once per value.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Names<T>.Cache.GetOrAdd(value, static v => Policy.ConvertName(v.ToString()));

    static class Names<T> where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> Cache = new();
    }
}

/// <summary>Reads and writes an enum by its <see cref="WireNames"/> name; numbers and unknown names are refused.</summary>
public sealed class WireEnumConverter<T>() : JsonStringEnumConverter<T>(WireNames.Policy, allowIntegerValues: false)
    where T : struct, Enum;
