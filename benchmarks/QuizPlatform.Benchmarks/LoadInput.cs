using System.Text.Encodings.Web;
using System.Text.Json;
using QuizPlatform.Grading;

namespace QuizPlatform.Benchmarks;

/// <summary>
/// Writes the <c>quiz grade</c> load file: deterministic ~80-word responses to a handful of 15-phrase seed
/// questions, every kind of <see cref="ResponseKind"/> in turn, every other line with explicit keywords (the rest
/// make the CLI extract them from the model answer), every line a different response. <paramref name="lean"/>
/// leaves the model answer out of lines that carry keywords (the contract only needs it for extraction).
/// </summary>
public static class LoadInput
{
    public const int Questions = 5;

    public static void Write(string path, int lines, bool lean = false)
    {
        var seed = SeedAssignment.Load();
        var responses = new StudentResponses(seed.Questions, seed.Keywords);
        var questions = seed.QuestionsWithKeyOf(15, Questions);
        var kinds = Enum.GetValues<ResponseKind>();
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 0; i < lines; i++)
        {
            var q = questions[i % questions.Count];
            var kind = kinds[i / questions.Count % kinds.Length];
            json.WriteStartObject();
            json.WriteString("id", $"r{i}");
            json.WriteString("question", seed.Questions[q].Prompt);
            var withKeywords = i % 2 == 0;
            if (!(lean && withKeywords)) json.WriteString("modelAnswer", seed.Questions[q].ModelAnswer);
            json.WriteString("response", responses.Create(q, kind, (ulong)i));
            if (withKeywords) WriteKeywords(json, seed.Keywords[q]);
            json.WriteNumber("points", 10);
            json.WriteEndObject();
            json.Flush();
            file.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    private static void WriteKeywords(Utf8JsonWriter json, IReadOnlyList<Keyword> keywords)
    {
        json.WriteStartArray("keywords");
        foreach (var k in keywords)
        {
            json.WriteStartObject();
            json.WriteString("phrase", k.Phrase);
            json.WriteStartArray("alternatives");
            foreach (var a in k.Alternatives) json.WriteStringValue(a);
            json.WriteEndArray();
            json.WriteNumber("weight", k.Weight);
            json.WriteBoolean("required", k.Required);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
