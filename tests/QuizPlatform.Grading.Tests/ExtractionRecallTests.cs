using System.Globalization;
using System.Text.Json;
using QuizPlatform.Grading.Tests.Meaning;
using Xunit.Abstractions;

namespace QuizPlatform.Grading.Tests;

/// <summary>
/// Extraction measured against the concepts an instructor lists (Extraction/README.md). A concept is found when an
/// extracted keyword, or one of its alternatives, matches it whole by the grader's own matching (stems, acronyms,
/// synonyms). A keyword is off the list when it matches no concept in either direction (neither names a concept nor is
/// part of one), and junk when it matches none of the other terms an instructor could pick either (NAME.acceptable.json,
/// written by a labeller who had not seen the extractor's output): "router" in an answer on routing is off the list,
/// "sends" is junk. The bounds are the figures reached (recall rounded down, the shares up), so that a regression fails
/// the build; the issue's target is 80 % recall and 5 % junk on every document, not met yet (docs/grading.md).
/// </summary>
public class ExtractionRecallTests(ITestOutputHelper output)
{
    private static readonly Grader Matcher = new();

    [Theory]
    [InlineData("networking", false, 89, 31, 1)]
    [InlineData("biology", false, 88, 16, 6)]
    [InlineData("history", false, 84, 21, 6)]
    [InlineData("economics", false, 84, 21, 17)]
    [InlineData("law", false, 76, 17, 5)]
    [InlineData("databases", false, 73, 17, 6)]
    [InlineData("psychology", false, 71, 18, 4)]
    [InlineData("physics", false, 70, 14, 7)]
    [InlineData("assignment-8", false, 74, 53, 17)]
    // Ranked by the model (KeywordExtractor.Encoder), as import does with Grading:Meaning on. Its vectors' last digits
    // depend on the processor's vector instructions, and a near tie can go the other way: history's off-list and junk
    // shares were at most 22 and 7 % where the bounds were set, and are 22.5 and 7.5 % (one keyword) on an AMD EPYC
    // without AVX-512.
    [InlineData("networking", true, 89, 32, 1)]
    [InlineData("biology", true, 86, 17, 6)]
    [InlineData("history", true, 84, 23, 8)]
    [InlineData("economics", true, 84, 21, 16)]
    [InlineData("law", true, 76, 19, 5)]
    [InlineData("databases", true, 75, 17, 6)]
    [InlineData("psychology", true, 71, 17, 4)]
    [InlineData("physics", true, 70, 13, 6)]
    public void ExtractionFindsTheInstructorsConcepts(string document, bool byMeaning, int minRecallPercent, int maxOffListPercent, int maxJunkPercent)
    {
        var (recall, offList, junk, misses) = Measure(document, byMeaning);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{document}{(byMeaning ? " by meaning" : "")}: recall {recall:P1}, off the list {offList:P1}, junk {junk:P1}"));
        foreach (var miss in misses) output.WriteLine(miss);
        Assert.True(recall * 100 >= minRecallPercent, $"{document}: concept recall {recall:P1} < {minRecallPercent} %");
        Assert.True(offList * 100 <= maxOffListPercent, $"{document}: share off the concept list {offList:P1} > {maxOffListPercent} %");
        Assert.True(junk * 100 <= maxJunkPercent, $"{document}: junk share {junk:P1} > {maxJunkPercent} %");
    }

    [Theory]
    [MemberData(nameof(ExtractionTests.Documents), MemberType = typeof(ExtractionTests))]
    public void ExtractedKeywordsMatchTheReviewedFile(string document)
    {
        var (questions, keywords) = Extract(document);
        Golden.AssertMatches($"docs/keywords-{document}.md", $"tests/QuizPlatform.Grading.Tests/Extraction/{document}.md", questions, keywords);
    }

    private static (double Recall, double OffList, double Junk, List<string> Misses) Measure(string document, bool byMeaning)
    {
        var (questions, keywords) = document == "assignment-8" && !byMeaning ? (Seed.Questions, Seed.Keywords) : Extract(document, byMeaning);
        var expected = Terms(document, "concepts");
        var acceptable = Terms(document, "acceptable");
        int concepts = 0, found = 0, extracted = 0, offList = 0, junk = 0;
        var misses = new List<string>();
        foreach (var (number, list) in expected)
        {
            var answerKeywords = keywords[int.Parse(number, CultureInfo.InvariantCulture) - 1];
            var conceptKeys = list.Select(AsKeyword).ToList();
            var otherKeys = acceptable.GetValueOrDefault(number, []).Select(AsKeyword).ToList();
            foreach (var concept in conceptKeys)
            {
                concepts++;
                if (answerKeywords.Any(k => Names(k, concept))) found++;
                else misses.Add($"  {number}: missed '{concept.Phrase}'");
            }
            foreach (var keyword in answerKeywords)
            {
                extracted++;
                if (conceptKeys.Any(c => Names(keyword, c) || Names(c, keyword))) continue;
                offList++;
                if (otherKeys.Any(c => Names(keyword, c) || Names(c, keyword)))
                {
                    misses.Add($"  {number}: off the list '{keyword.Phrase}'");
                    continue;
                }
                junk++;
                misses.Add($"  {number}: junk '{keyword.Phrase}'");
            }
        }
        return ((double)found / concepts, Share(offList, extracted), Share(junk, extracted), misses);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>NAME.concepts.json or NAME.acceptable.json: per answer number, phrases, "a | b" for spellings of one.</summary>
    private static Dictionary<string, string[]> Terms(string document, string kind) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Seed.RepoFile($"tests/QuizPlatform.Grading.Tests/Extraction/{document}.{kind}.json")))!;

    private static Keyword AsKeyword(string term)
    {
        var spellings = term.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Keyword(spellings[0], spellings[1..], 1);
    }

    /// <summary>Whether some spelling of <paramref name="text"/> earns all of <paramref name="key"/>.</summary>
    private static bool Names(Keyword text, Keyword key)
    {
        var compiled = Matcher.Compile("", [key with { Weight = 1 }]);
        return text.Alternatives.Prepend(text.Phrase).Any(s => Matcher.Grade(compiled, s).Keywords[0].Matched);
    }

    private static (IReadOnlyList<QuestionText>, IReadOnlyList<IReadOnlyList<Keyword>>) Extract(string document, bool byMeaning = false)
    {
        var questions = document == "assignment-8" ? Seed.Questions : ExtractionTests.DocumentQuestions(document);
        return (questions, new KeywordExtractor { Encoder = byMeaning ? SharedEncoder.Encoder : null }.Extract(questions));
    }
}
