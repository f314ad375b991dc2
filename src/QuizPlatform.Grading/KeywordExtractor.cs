using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>
/// Finds the phrases a marker would look for in each model answer of an assignment. Candidates come from the
/// answer's structure (bullet heads, defined acronyms, named terms) and from runs of content words; they are ranked
/// by how salient their words are in this answer compared with the rest of the assignment and with general
/// English, and words that merely restate the question count for little. Stateless, so thread-safe; deterministic.
/// </summary>
public sealed class KeywordExtractor
{
    /// <summary>Most keywords extracted for one answer; long answers reach it, short ones get fewer.</summary>
    public int MaxKeywords { get; init; } = 15;

    public IReadOnlyList<IReadOnlyList<Keyword>> Extract(IReadOnlyList<QuestionText> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var answers = questions.Select(q => new ModelAnswerText(q.ModelAnswer ?? "")).ToList();
        var corpus = new CorpusStatistics(answers);
        return questions.Select((q, i) => (IReadOnlyList<Keyword>)Extract(q.Prompt ?? "", answers[i], corpus)).ToList();
    }

    private List<Keyword> Extract(string prompt, ModelAnswerText answer, CorpusStatistics corpus)
    {
        var promptStems = Tokenizer.Tokenize(prompt).Where(t => !t.Term.IsStop).Select(t => t.Term.Canon).ToHashSet();
        var candidates = new CandidateSet(answer, corpus);
        candidates.Collect();
        var content = answer.Tokens.Count(t => !t.Term.IsStop);
        var limit = Math.Clamp((int)Math.Round(1.4 * Math.Sqrt(content)), 1, MaxKeywords);

        var ranked = candidates.All
            .Select(c => (Candidate: c, Score: Score(c, promptStems, corpus)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.FirstToken).ThenBy(x => x.Candidate.Key, StringComparer.Ordinal)
            .ToList();
        var chosen = new List<(Candidate Candidate, double Score)>();
        var covered = new HashSet<int>();
        foreach (var x in ranked)
        {
            if (chosen.Count == limit) break;
            if (x.Score < ranked[0].Score * 0.12) break;
            if (x.Candidate.Canons.All(covered.Contains)) continue;
            chosen.Add(x);
            covered.UnionWith(x.Candidate.Canons);
        }
        // A one- or two-word answer, or one that only repeats the question, still needs a key: its own words.
        if (chosen.Count == 0)
            chosen = candidates.All.Where(c => c.Canons.Length == 1).OrderBy(c => c.FirstToken).Take(limit).Select(c => (c, 1.0)).ToList();
        if (chosen.Count == 0 && answer.Tokens.Count > 0)
            return [new Keyword(answer.Text.Trim(), [], 1)];

        var top = chosen.Max(x => x.Score);
        return chosen.OrderBy(x => x.Candidate.FirstToken)
            .Select(x => new Keyword(x.Candidate.Surface, x.Candidate.Alternatives, Math.Round(2 * (1 + 2 * x.Score / top)) / 2))
            .ToList();
    }

    private static double Score(Candidate candidate, HashSet<int> promptStems, CorpusStatistics corpus)
    {
        double sum = 0;
        var inPrompt = 0;
        foreach (var term in candidate.Terms)
        {
            var salience = corpus.Idf(term.Canon) * (Lexicon.GeneralWords.Contains(term.Folded) || Lexicon.GeneralWords.Contains(term.Stem) ? 0.3 : 1);
            if (promptStems.Contains(term.Canon)) { inPrompt++; salience *= 0.15; }
            sum += salience;
        }
        if (inPrompt == candidate.Terms.Length && candidate.Terms.Length > 0) return 0;
        var frequency = 1 + Math.Log(candidate.Count);
        return sum / Math.Sqrt(candidate.Terms.Length) * frequency * candidate.Boost;
    }
}

/// <summary>Document frequencies of stems across the assignment's model answers.</summary>
internal sealed class CorpusStatistics
{
    private readonly Dictionary<int, int> documentFrequency = [];
    private readonly Dictionary<string, int> phraseFrequency = new(StringComparer.Ordinal);
    private readonly int documents;

    public CorpusStatistics(IReadOnlyList<ModelAnswerText> answers)
    {
        documents = answers.Count;
        foreach (var answer in answers)
            foreach (var canon in answer.Tokens.Where(t => !t.Term.IsStop).Select(t => t.Term.Canon).Distinct())
                documentFrequency[canon] = documentFrequency.GetValueOrDefault(canon) + 1;
        foreach (var answer in answers)
        {
            var phrases = new HashSet<string>(StringComparer.Ordinal);
            foreach (var run in CandidateSet.Runs(answer))
                for (var n = 2; n <= 3; n++)
                    for (var i = 0; i + n <= run.Count; i++)
                        phrases.Add(CandidateSet.KeyOf(run.GetRange(i, n).Select(t => answer.Tokens[t].Term)));
            foreach (var phrase in phrases) phraseFrequency[phrase] = phraseFrequency.GetValueOrDefault(phrase) + 1;
        }
    }

    /// <summary>How many model answers use the phrase (a key of word ids): evidence that it is a term of the field.</summary>
    public int PhraseDocuments(string key) => phraseFrequency.GetValueOrDefault(key);

    /// <summary>Smoothed inverse document frequency: 1 for a word found only here, less for words in every answer.</summary>
    public double Idf(int canon) =>
        documents <= 1 ? 1 : Math.Log((documents + 1.0) / documentFrequency.GetValueOrDefault(canon, 1)) / Math.Log(documents + 1.0);
}
